package org.verso.bench.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture of Verso, checked on every build: every module below {@code org.verso} (discovered, bench included)
 * uses only the modules {@link ModuleBoundaries#GRAPH} declares, modules and the packages inside each form no cycle,
 * nobody reaches into another module's {@code internal}, and no engine type (Tika, Okapi, Lucene, POI, PDFBox) appears
 * in a public signature of a module's API. It runs in bench, the one module that sees all the others.
 */
class ModuleBoundaryTest {

    @Test
    void everyModuleKeepsTheDeclaredGraphAndItsBoundaries() {
        JavaClasses verso = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.verso");

        var boundaries = new ModuleBoundaries("org.verso", ModuleBoundaries.GRAPH);

        assertThat(verso.stream().map(boundaries::module).flatMap(java.util.Optional::stream))
                .as("modules discovered")
                .contains("library", "accounts", "ingest", "translation", "search", "web", "bench");
        assertThat(boundaries.violations(verso)).isEmpty();
    }
}
