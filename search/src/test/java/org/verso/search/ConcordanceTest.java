package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Concordance search over translation-memory units: the corpus's real English→Russian OmegaT memory. */
class ConcordanceTest {
    @TempDir
    Path dir;

    static List<SearchableMemoryUnit> omegatMemory() throws Exception {
        Path tmx = Corpus.root().resolve("translation/tmx/omegat-l10n_en-ru.tmx");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        var xml = factory.newDocumentBuilder().parse(tmx.toFile());
        NodeList tus = xml.getElementsByTagName("tu");
        List<SearchableMemoryUnit> units = new ArrayList<>();
        for (int i = 0; i < tus.getLength(); i++) {
            NodeList tuvs = ((Element) tus.item(i)).getElementsByTagName("tuv");
            if (tuvs.getLength() != 2) {
                continue;
            }
            Element source = (Element) tuvs.item(0);
            Element target = (Element) tuvs.item(1);
            units.add(new SearchableMemoryUnit(
                    "omegat-" + i,
                    source.getAttribute("lang"),
                    source.getTextContent().strip(),
                    target.getAttribute("lang"),
                    target.getTextContent().strip(),
                    "omegat-l10n_en-ru.tmx"));
        }
        return units;
    }

    @Test
    void findsWhereAPhraseWasTranslatedBeforeOnEitherSide() throws Exception {
        List<SearchableMemoryUnit> units = omegatMemory();
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            concordance.index(units);
            concordance.refresh();

            List<Concordance.Hit> english = concordance.search("\"translation memory\"", "en", "ru", 10);
            assertThat(english).hasSize(10);
            assertThat(english.get(0).sourceSnippet())
                    .containsIgnoringCase("<mark>translation</mark> <mark>memory</mark>");
            assertThat(english.get(0).unit().targetLanguage()).isEqualTo("ru");

            List<Concordance.Hit> russian = concordance.search("память переводов", null, null, 5);
            assertThat(russian).isNotEmpty();
            assertThat(russian.get(0).targetSnippet()).contains("<mark>");
            assertThat(russian.get(0).unit().targetText().toLowerCase())
                    .contains("памят")
                    .contains("перевод");

            assertThat(concordance.search("translation memory", "de", null, 5)).isEmpty();
        }
    }

    @Test
    void replacesAndDeletesUnitsById() {
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            concordance.index(
                    List.of(new SearchableMemoryUnit("u1", "en", "police station", "ru", "отделение полиции", null)));
            concordance.index(
                    List.of(new SearchableMemoryUnit("u1", "en", "police officer", "ru", "сотрудник полиции", null)));
            concordance.refresh();
            assertThat(concordance.search("police", null, null, 10))
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.unit().targetText()).isEqualTo("сотрудник полиции"));
            assertThat(concordance.search("полиция", null, null, 10)).hasSize(1); // Russian stemming on the target

            concordance.delete("u1");
            concordance.refresh();
            assertThat(concordance.search("police", null, null, 10)).isEmpty();
        }
    }

    @Test
    void refusesEmptyQueriesAndBadLimits() {
        try (Concordance concordance = new Concordance(SearchProperties.defaults(dir))) {
            assertThatThrownBy(() -> concordance.search(" ", null, null, 10)).isInstanceOf(InvalidQueryException.class);
            assertThatThrownBy(() -> concordance.search("x", null, null, 0)).hasMessageContaining("limit");
        }
    }
}
