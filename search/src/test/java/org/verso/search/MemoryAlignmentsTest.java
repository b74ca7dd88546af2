package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query expansion from the memory: the words the memory consistently translates a query's words with, both ways,
 * never a word found everywhere, never from too few units.
 */
class MemoryAlignmentsTest {
    @TempDir
    Path dir;

    static final String[][] TORTURE = {
        {"No one shall be subjected to torture.", "Никто не должен подвергаться пыткам."},
        {"Torture is prohibited in all circumstances.", "Пытки запрещены при любых обстоятельствах."},
        {"The state shall prevent torture in prisons.", "Государство обязано предотвращать пытки в тюрьмах."},
        {"Victims of torture have the right to redress.", "Жертвы пыток имеют право на возмещение."},
        {"Evidence obtained by torture shall not be used.", "Доказательства, полученные под пыткой, не используются."},
    };
    static final String[] OTHER_EN = {
        "Everyone has the right to liberty.", "Everyone has the right to a fair trial.",
        "Everyone has the right to education.", "Everyone has the right to respect for private life.",
        "Everyone has the right to freedom of expression.", "Everyone has the right to marry.",
        "Everyone has the right to an effective remedy.", "Everyone has the right to freedom of assembly.",
    };
    static final String[] OTHER_RU = {
        "Каждый имеет право на свободу.", "Каждый имеет право на справедливое судебное разбирательство.",
        "Каждый имеет право на образование.", "Каждый имеет право на уважение частной жизни.",
        "Каждый имеет право на свободу выражения мнения.", "Каждый имеет право вступать в брак.",
        "Каждый имеет право на эффективное средство правовой защиты.", "Каждый имеет право на свободу собраний.",
    };

    static List<SearchableMemoryUnit> memory() {
        List<SearchableMemoryUnit> units = new ArrayList<>();
        for (int i = 0; i < TORTURE.length; i++) {
            units.add(new SearchableMemoryUnit("t" + i, "en", TORTURE[i][0], "ru", TORTURE[i][1], "test"));
        }
        for (int i = 0; i < OTHER_EN.length; i++) {
            units.add(new SearchableMemoryUnit("o" + i, "en", OTHER_EN[i], "ru", OTHER_RU[i], "test"));
        }
        return units;
    }

    @Test
    void anEnglishWordIsAlignedWithTheRussianWordItsUnitsShareInItsMostFrequentForm() {
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            concordance.index(memory());
            concordance.refresh();

            List<AlignedTerm> aligned = concordance.alignments("torture", 5);
            assertThat(aligned).first().isEqualTo(new AlignedTerm("пытки", "ru"));
            // and the other way round, from a form the Russian stemmer joins with the others (пытки, пыткам, пыткой)
            assertThat(concordance.alignments("пыткам", 5)).first().isEqualTo(new AlignedTerm("torture", "en"));
        }
    }

    @Test
    void aWordFoundInMostUnitsIsNotAnAlignmentOfARarerOne() {
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            concordance.index(memory());
            concordance.refresh();

            // "right" is in most units and "право" in most targets: aligned with each other…
            assertThat(concordance.alignments("right", 5)).contains(new AlignedTerm("право", "ru"));
            // …but "право", in a third of the torture units' targets and all the others, is not torture's
            assertThat(concordance.alignments("torture", 5))
                    .extracting(AlignedTerm::term)
                    .doesNotContain("право", "имеют", "каждый");
        }
    }

    @Test
    void fewerThanThreeAgreeingUnitsAlignNothing() {
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            concordance.index(memory().subList(0, 2));
            concordance.refresh();

            assertThat(concordance.alignments("torture", 5)).isEmpty();
            assertThat(concordance.alignments("", 5)).isEmpty();
        }
    }

    @Test
    void theRealOmegatMemoryAlignsItsOwnVocabularyBothWays() throws Exception {
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            concordance.index(ConcordanceTest.omegatMemory());
            concordance.refresh();

            assertThat(concordance.alignments("glossary", 5)).first().isEqualTo(new AlignedTerm("глоссария", "ru"));
            assertThat(concordance.alignments("file", 5))
                    .extracting(AlignedTerm::term)
                    .first()
                    .asString()
                    .startsWith("файл");
            assertThat(concordance.alignments("проект", 5)).first().isEqualTo(new AlignedTerm("project", "en"));
            assertThat(concordance.alignments("словарь", 5)).first().isEqualTo(new AlignedTerm("dictionary", "en"));
        }
    }
}
