package org.verso.bench.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test of the boundary test: each fixture under {@code org.verso.boundaryfixtures} is a small root with modules
 * below it, judged against the real {@link ModuleBoundaries#GRAPH}; each break is caught, and a set that keeps the
 * rules passes.
 */
class ModuleBoundariesTest {
    private static final String FIXTURES = "org.verso.boundaryfixtures.";

    private static List<String> violations(String fixture) {
        var classes = new ClassFileImporter().importPackages(FIXTURES + fixture);
        assertThat(classes).as("fixture classes of " + fixture).isNotEmpty();
        return new ModuleBoundaries(FIXTURES + fixture, ModuleBoundaries.GRAPH).violations(classes);
    }

    @Test
    void translationImportingSearchIsAnUndeclaredArrow() {
        assertThat(violations("translationusessearch"))
                .anyMatch(v -> v.startsWith("undeclared arrow translation -> search"));
    }

    @Test
    void aLuceneTypeInAPublicMethodOfSearchIsCaught() {
        List<String> violations = violations("lucenepublic");
        assertThat(violations)
                .anyMatch(v -> v.startsWith("engine type org.apache.lucene.search.Query in the public API")
                        && v.contains("SearchApi.parse"));
        assertThat(violations)
                .as("internal and method bodies may use Lucene")
                .noneMatch(v -> v.contains("Engine") || v.contains("count("));
    }

    @Test
    void aNewModuleReachingIntoIngestInternalIsCaught() {
        List<String> violations = violations("newmodulereachesingest");
        assertThat(violations).anyMatch(v -> v.startsWith("reach into ingest.internal from reports"));
        assertThat(violations).anyMatch(v -> v.startsWith("undeclared module reports"));
    }

    @Test
    void aCycleOfTwoModulesIsCaught() {
        assertThat(violations("twomodulecycle"))
                .contains("cycle between modules: accounts -> library -> accounts")
                .anyMatch(v -> v.startsWith("undeclared arrow library -> accounts"));
    }

    @Test
    void anEngineUsedOutsideTheModuleThatOwnsItIsCaught() {
        assertThat(violations("enginesmuggled")).anyMatch(v -> v.startsWith("engine of search used by translation"));
    }

    @Test
    void aCycleBetweenThePackagesOfOneModuleIsCaught() {
        assertThat(violations("cycleinside")).anyMatch(v -> v.startsWith("cycle inside search:"));
    }

    @Test
    void modulesKeepingTheRulesPass() {
        assertThat(violations("keepsrules")).isEmpty();
    }

    @Test
    void aCycleInTheDeclaredGraphIsCaught() {
        assertThat(ModuleBoundaries.cycles(java.util.Map.of("a", java.util.Set.of("b"), "b", java.util.Set.of("a"))))
                .containsExactly("a -> b -> a");
        assertThat(ModuleBoundaries.cycles(ModuleBoundaries.GRAPH)).isEmpty();
    }
}
