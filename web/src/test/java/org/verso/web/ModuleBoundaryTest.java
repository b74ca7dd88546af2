package org.verso.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked on every build: modules depend only the right way, third-party engines stay inside the
 * module that owns them, and nobody reaches into another module's internals.
 */
class ModuleBoundaryTest {
    private static final List<String> DOMAIN_MODULES = List.of("ingest", "translation", "search", "distribution");
    /** The arrows declared between domain modules (docs/architecture.md): distribution builds editions of revisions. */
    private static final java.util.Map<String, List<String>> ALLOWED =
            java.util.Map.of("distribution", List.of("translation"));

    private static JavaClasses classes;

    @BeforeAll
    static void importVerso() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.verso");
    }

    @Test
    void libraryDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("org.verso.library..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.verso.ingest..",
                        "org.verso.translation..",
                        "org.verso.search..",
                        "org.verso.distribution..",
                        "org.verso.web..")
                .check(classes);
    }

    @Test
    void domainModulesDependOnEachOtherOnlyThroughLibraryEvents() {
        for (String module : DOMAIN_MODULES) {
            var others = DOMAIN_MODULES.stream()
                    .filter(other -> !other.equals(module))
                    .filter(other -> !ALLOWED.getOrDefault(module, List.of()).contains(other))
                    .map(other -> "org.verso." + other + "..")
                    .toList();
            noClasses()
                    .that()
                    .resideInAPackage("org.verso." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(concat(others, "org.verso.web.."))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void tikaStaysInIngest() {
        engineStaysIn("org.apache.tika..", "org.verso.ingest..");
    }

    @Test
    void okapiStaysInTranslation() {
        engineStaysIn("net.sf.okapi..", "org.verso.translation..");
    }

    @Test
    void luceneStaysInSearch() {
        engineStaysIn("org.apache.lucene..", "org.verso.search..");
    }

    @Test
    void nobodyReachesIntoAnotherModulesInternals() {
        for (String module : List.of("library", "ingest", "translation", "search", "distribution", "web")) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.verso." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.verso." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    private static void engineStaysIn(String engine, String owner) {
        noClasses()
                .that()
                .resideOutsideOfPackage(owner)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(engine)
                .allowEmptyShould(true)
                .check(classes);
    }

    private static String[] concat(List<String> list, String extra) {
        var all = new java.util.ArrayList<>(list);
        all.add(extra);
        return all.toArray(String[]::new);
    }
}
