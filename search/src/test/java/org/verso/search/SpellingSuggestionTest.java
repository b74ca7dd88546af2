package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spelling suggestion shows the word as the library writes it, accents, háčeks and capitals included, even when the
 * misspelt word was typed without them; words are compared without their marks, so that typing without them still
 * finds the neighbours.
 */
class SpellingSuggestionTest {
    @TempDir
    Path dir;

    private LibraryIndex index;

    @BeforeEach
    void setUp() {
        index = new LibraryIndex(SearchProperties.defaults(dir));
        try (var batch = index.batch()) {
            batch.add(
                    Library.document(
                            "Grundgesetz",
                            "de",
                            "convention",
                            "Bundestag",
                            1949,
                            "Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist Verpflichtung"
                                    + " aller staatlichen Gewalt."),
                    List.of());
            // «wurde» (was) folds to the same letters as «Würde» (dignity), and is written more often
            for (int i = 0; i < 3; i++) {
                batch.add(
                        Library.document(
                                "Bericht " + i,
                                "de",
                                "report",
                                "Bundestag",
                                2000 + i,
                                "Der Bericht wurde im Jahr " + (2000 + i) + " vorgelegt."),
                        List.of());
            }
            batch.add(
                    Library.document(
                            "Déclaration",
                            "fr",
                            "convention",
                            "ONU",
                            1948,
                            "Les droits égaux et inaliénables de tous les membres de la famille humaine."),
                    List.of());
            batch.add(
                    Library.document(
                            "Všeobecná deklarace lidských práv",
                            "cs",
                            "convention",
                            "OSN",
                            1948,
                            "Všichni lidé rodí se svobodní a sobě rovní co do důstojnosti a práv."),
                    List.of());
        }
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private String suggestion(String typed) {
        SearchResult result = index.search(SearchQuery.of(typed));
        assertThat(result.total()).as(typed).isZero();
        return result.suggestion();
    }

    @Test
    void aGermanSuggestionKeepsItsUmlautAndCapital() {
        assertThat(suggestion("Würdee")).isEqualTo("Würde");
        assertThat(suggestion("Menschenn")).isEqualTo("Menschen");
    }

    @Test
    void theWrittenFormNearestTheTypedWordWinsOverTheMostFrequentOne() {
        assertThat(suggestion("wurdde")).isEqualTo("wurde");
        assertThat(suggestion("Würdde")).isEqualTo("Würde");
    }

    @Test
    void aFrenchSuggestionKeepsItsAccentsEvenWhenTypedWithout() {
        assertThat(suggestion("inalienabels")).isEqualTo("inaliénables");
        assertThat(suggestion("egauxx")).isEqualTo("égaux");
    }

    @Test
    void aCzechSuggestionKeepsItsHacekAndAcute() {
        assertThat(suggestion("dustojnostti")).isEqualTo("důstojnosti");
        assertThat(suggestion("svobodnni")).isEqualTo("svobodní");
    }
}
