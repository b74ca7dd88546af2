package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.annotation.AltTranslationsAnnotation;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The memory's matches and the glossary's terms of a translation's source inside its XLIFF, for CAT tools that show
 * them: 1.2 {@code alt-trans} and a glossary note, 2.0 {@code mtc:matches} and {@code gls:glossary}; the files still
 * pass lib-xliff2's validation and Okapi's filter, and an import takes the targets only.
 */
class XliffAidsTest extends XliffTestBase {
    @TempDir
    Path dir;

    @Test
    void anExportCarriesTheMemoryMatchAndTheGlossaryTermOfItsSourceInBothVersionsAndStillValidates()
            throws IOException {
        String word = "quokka" + Long.toString(System.nanoTime(), 36);
        Claimed t = claimed(documentNaming(word), "ru", "en");
        String matchTarget = matchAndTerm(t, word);
        JsonNode segments = segmentList(t.holder(), t.id());
        String firstUnit = "seg-" + segments.get(0).get("id").asString() + "-v0";

        String xliff12 = text(export(t.holder(), t.id(), "?version=1.2"));
        String unit12 = unit(xliff12, firstUnit, "</trans-unit>");
        assertThat(unit12)
                .contains(
                        "<alt-trans match-quality=\"100\" origin=\"Verso memory: aids-test.tmx\">",
                        "(память)</target></alt-trans>",
                        "<note from=\"glossary\">" + word + " \u2192 квокка-" + word + " (A marsupial.)</note>");
        Path file12 = Files.writeString(dir.resolve("out12.xlf"), xliff12);
        List<String> alternates = new ArrayList<>();
        int units = 0;
        XLIFFFilter filter = new XLIFFFilter();
        try (RawDocument raw = new RawDocument(file12.toUri(), "UTF-8", LocaleId.ENGLISH, LocaleId.RUSSIAN)) {
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    units++;
                    AltTranslationsAnnotation alt = event.getTextUnit()
                            .getTarget(LocaleId.RUSSIAN)
                            .getAnnotation(AltTranslationsAnnotation.class);
                    if (alt != null && event.getTextUnit().getId().equals(firstUnit)) {
                        alt.forEach(a -> alternates.add(a.getCombinedScore() + " " + a.getOrigin()));
                    }
                }
            }
        } finally {
            filter.close();
        }
        assertThat(units).isEqualTo(segments.size());
        assertThat(alternates).contains("100 Verso memory: aids-test.tmx");

        String xliff20 = text(export(t.holder(), t.id(), "?version=2.0"));
        assertThat(unit(xliff20, firstUnit, "</unit>"))
                .contains(
                        "<mtc:match ref=\"#s1\" matchQuality=\"100\" origin=\"Verso memory: aids-test.tmx\" type=\"tm\">",
                        "<gls:term source=\"Verso glossary\">" + word + "</gls:term>",
                        "<gls:translation source=\"Verso glossary\">квокка-" + word + "</gls:translation>",
                        "<gls:definition>A marsupial.</gls:definition>");
        Path file20 = Files.writeString(dir.resolve("out20.xlf"), xliff20);
        Unit first = null;
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(file20.toFile());
            while (reader.hasNext()) {
                var event = reader.next();
                if (event.isUnit() && event.getUnit().getId().equals(firstUnit)) {
                    first = event.getUnit();
                }
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.getMatches().get(0).getMatchQuality()).isEqualTo(100.0);
        assertThat(first.getGlossary().get(0).getTerm().getText()).isEqualTo(word);

        // an import takes the targets and nothing of the matches or the glossary
        var response =
                upload(t.holder(), t.id(), XliffImportTest.translateAll(xliff20).getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("updated").asInt()).isEqualTo(segments.size());
        JsonNode after = segmentList(t.holder(), t.id());
        assertThat(after.get(0).get("target").asString())
                .isEqualTo(XliffImportTest.cyrillicMarkup(
                        segments.get(0).get("source").asString()))
                .isNotEqualTo(matchTarget);
    }

    /** The text of one unit of an exported file, from its id to its end tag. */
    private static String unit(String xliff, String id, String end) {
        int start = xliff.indexOf("id=\"" + id + "\"");
        assertThat(start).as("unit %s in %s", id, xliff).isPositive();
        return xliff.substring(start, xliff.indexOf(end, start));
    }
}
