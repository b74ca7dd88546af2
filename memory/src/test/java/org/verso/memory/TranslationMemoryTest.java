package org.verso.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.testing.TempDirs;

/** The memory on an H2 file database: units stored, matched exactly, in context and fuzzily, rebuilt from the table. */
@SpringBootTest(classes = MemoryTestApplication.class)
class TranslationMemoryTest {
    static final Path DATA_DIR = TempDirs.create("verso-memory-test");
    static final LanguageTag EN = LanguageTag.of("en");
    static final LanguageTag RU = LanguageTag.of("ru");
    static final LanguageTag DE = LanguageTag.of("de");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    @Autowired
    TranslationMemory memory;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void empty() {
        db.sql("DELETE FROM memory_unit").update();
        memory.rebuild();
    }

    static MemoryUnit unit(String source, String target, String context) {
        return unit(EN, RU, source, target, context, Instant.parse("2024-01-01T00:00:00Z"));
    }

    static MemoryUnit unit(LanguageTag from, LanguageTag to, String source, String target, String context, Instant at) {
        return new MemoryUnit(
                UnitId.random(),
                from,
                to,
                source,
                target,
                context,
                new Provenance(Origin.IMPORTED, null, null, null, "tester", at, "test.tmx"));
    }

    @Test
    void anExactSourceScoresHundredAndTheSameNeighboursHundredAndOne() {
        String context = Context.key("Article 3", "Article 5");
        memory.add(List.of(unit(
                "Everyone has the right to life, liberty and security of person.",
                "Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.",
                context)));

        var exact = memory.matches(
                MatchQuery.of("Everyone has the right to life, liberty and security of person.", EN, RU, 5));
        var inContext = memory.matches(new MatchQuery(
                "Everyone has the right to life, liberty and security of person.", EN, RU, 5, null, context));

        assertThat(exact).singleElement().satisfies(m -> {
            assertThat(m.score()).isEqualTo(100);
            assertThat(m.kind()).isEqualTo(MatchKind.EXACT);
            assertThat(m.unit().target()).startsWith("Каждый человек");
            assertThat(m.unit().provenance().origin()).isEqualTo(Origin.IMPORTED);
        });
        assertThat(inContext).singleElement().satisfies(m -> {
            assertThat(m.score()).isEqualTo(101);
            assertThat(m.kind()).isEqualTo(MatchKind.IN_CONTEXT);
        });
    }

    @Test
    void aMatchDifferingOnlyInANumberOrCodeScoresNinetyNineAndIsMarked() {
        memory.add(List.of(
                unit("Article 5 of the Convention applies.", "Применяется статья 5 Конвенции.", null),
                unit("See <g id=\"1\">the annex</g>.", "См. <g id=\"1\">приложение</g>.", null)));

        var number = memory.matches(MatchQuery.of("Article 12 of the Convention applies.", EN, RU, 5));
        var code = memory.matches(MatchQuery.of("See <x id=\"1\"/>the annex<x id=\"2\"/>.", EN, RU, 5));

        assertThat(number).singleElement().satisfies(m -> {
            assertThat(m.score()).isEqualTo(99);
            assertThat(m.numbersDiffer()).isTrue();
            assertThat(m.codesDiffer()).isFalse();
        });
        assertThat(code).singleElement().satisfies(m -> {
            assertThat(m.score()).isEqualTo(99);
            assertThat(m.codesDiffer()).isTrue();
        });
    }

    @Test
    void anExactSourceComesFirstAmongManyUnitsDifferingFromItOnlyInANumber() {
        List<MemoryUnit> units = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            units.add(unit("See paragraph " + i + " of the report.", "См. пункт " + i + " доклада.", null));
        }
        memory.add(units);

        var found = memory.matches(MatchQuery.of("See paragraph 2 of the report.", EN, RU, 3));

        assertThat(found).first().satisfies(m -> {
            assertThat(m.score()).isEqualTo(100);
            assertThat(m.unit().target()).isEqualTo("См. пункт 2 доклада.");
        });
        assertThat(found).hasSize(3);
        assertThat(found.subList(1, 3)).allSatisfy(m -> assertThat(m.score()).isEqualTo(99));
    }

    @Test
    void fuzzyMatchesComeBestFirstDownToTheMinimumScore() {
        memory.add(List.of(
                unit("No one shall be held in slavery or servitude.", "Никто не должен содержаться в рабстве.", null),
                unit(
                        "No one shall be held in slavery.",
                        "Никто не должен содержаться в рабстве или подневольном.",
                        null),
                unit("No one shall be subjected to torture.", "Никто не должен подвергаться пыткам.", null)));

        var found = memory.matches(MatchQuery.of("No one shall be held in slavery or bondage.", EN, RU, 5));

        // 9 words: one substitution (88), two words fewer (77); the torture sentence scores 33
        assertThat(found).extracting(Match::score).containsExactly(88, 77);
        assertThat(found).allSatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.FUZZY));
        assertThat(memory.matches(new MatchQuery("No one shall be held in slavery or bondage.", EN, RU, 5, 80, null)))
                .extracting(Match::score)
                .containsExactly(88);
    }

    @Test
    void matchesStayWithinTheirLanguagePair() {
        memory.add(List.of(
                unit(EN, DE, "Freedom of expression", "Meinungsfreiheit", null, Instant.now()),
                unit(EN, RU, "Freedom of expression", "Свобода выражения мнений", null, Instant.now())));

        assertThat(memory.matches(MatchQuery.of("Freedom of expression", EN, DE, 5)))
                .extracting(m -> m.unit().target())
                .containsExactly("Meinungsfreiheit");
        assertThat(memory.matches(MatchQuery.of("Freedom of expression", RU, EN, 5)))
                .isEmpty();
    }

    @Test
    void theSamePairTwiceIsOneUnitAndANewerDateUpdatesIt() {
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        Instant newer = Instant.parse("2025-01-01T00:00:00Z");
        var first = memory.add(List.of(unit(EN, RU, "Peace", "Мир", null, old)));
        var again = memory.add(List.of(unit(EN, RU, "Peace", "Мир", null, old)));
        var later = memory.add(List.of(unit(EN, RU, "Peace", "Мир", null, newer)));

        assertThat(first.added()).hasSize(1);
        assertThat(again.unchanged()).hasSize(1);
        assertThat(later.updated()).hasSize(1);
        assertThat(memory.size()).isEqualTo(1);
        assertThat(memory.matches(MatchQuery.of("Peace", EN, RU, 5)))
                .singleElement()
                .satisfies(m -> assertThat(m.unit().provenance().date()).isEqualTo(newer));
    }

    @Test
    void aMatchShownBeforeANewerImportOfItsPairShowsTheNewerProvenanceAfter() {
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        Instant newer = Instant.parse("2025-01-01T00:00:00Z");
        memory.add(List.of(unit(EN, RU, "Freedom of assembly", "Свобода собраний", null, old)));
        // read once: the unit is kept for the next lookups
        assertThat(memory.matches(MatchQuery.of("Freedom of assembly", EN, RU, 5)))
                .singleElement()
                .satisfies(m -> assertThat(m.unit().provenance().date()).isEqualTo(old));

        memory.add(List.of(unit(EN, RU, "Freedom of assembly", "Свобода собраний", "ctx", newer)));

        assertThat(memory.matches(MatchQuery.of("Freedom of assembly", EN, RU, 5)))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.unit().provenance().date()).isEqualTo(newer);
                    assertThat(m.unit().contextKey()).isEqualTo("ctx");
                });
    }

    @Test
    void theIndexRebuiltFromTheDatabaseAnswersTheSame() {
        memory.add(List.of(
                unit(
                        "All human beings are born free and equal in dignity and rights.",
                        "Все люди рождаются свободными.",
                        null),
                unit("All human beings are born free.", "Все люди рождаются свободными и равными.", null)));
        var before = memory.matches(MatchQuery.of("All human beings are born free and equal.", EN, RU, 5));

        assertThat(memory.rebuild()).isEqualTo(2);

        assertThat(memory.matches(MatchQuery.of("All human beings are born free and equal.", EN, RU, 5)))
                .isEqualTo(before)
                .isNotEmpty();
    }

    @Test
    void aBlankOrHugeSourceOrABadLimitIsRefused() {
        assertThatThrownBy(() -> MatchQuery.of(" ", EN, RU, 5))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "invalid-source");
        assertThatThrownBy(() -> MatchQuery.of("x".repeat(10_001), EN, RU, 5))
                .hasFieldOrPropertyWithValue("code", "invalid-source");
        assertThatThrownBy(() -> MatchQuery.of("peace", EN, RU, 0))
                .hasFieldOrPropertyWithValue("code", "invalid-limit");
        assertThatThrownBy(() -> new MatchQuery("peace", EN, RU, 5, 0, null))
                .hasFieldOrPropertyWithValue("code", "invalid-min-score");
    }
}
