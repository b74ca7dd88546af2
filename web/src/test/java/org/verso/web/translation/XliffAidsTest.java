package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void theOfflinePackagesTmxCarriesExactlyTheMatchesOfItsXliffsUnits() throws IOException {
        String word = "wombat" + Long.toString(System.nanoTime(), 36);
        // both sentences name the word: the memory units added below match no other test's segments exactly
        Claimed t = claimed(
                document("The " + word + " shelter respects <b>human dignity</b> at all times. Officers of " + word
                        + " give their name when asked."),
                "ru",
                "en");
        JsonNode segments = segmentList(t.holder(), t.id());
        assertThat(segments.size()).isGreaterThanOrEqualTo(2);
        // the memory holds the first two sources exactly, each with a target of its own
        List<String> matchTargets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String source = segments.get(i).get("source").asString();
            String target = XliffImportTest.cyrillicMarkup(source) + " (память " + i + ")";
            matchTargets.add(target);
            rememberImported(source, target, "package-test.tmx");
        }
        // the second segment is translated, so a package of the untranslated ones leaves it (and its match) out
        var saved = save(t.holder(), t.id(), segments.get(1), "Переведено.", "translated", 0);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        Map<String, String> all = XliffImportTest.unzip(
                download(t.holder().account().username(), "/api/translations/" + t.id() + "/package"));
        Map<String, String> untranslated = XliffImportTest.unzip(download(
                t.holder().account().username(), "/api/translations/" + t.id() + "/package?status=untranslated"));

        for (Map<String, String> zip : List.of(all, untranslated)) {
            String xliff = zip.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(".xlf"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            assertThat(zip).containsKey("matches.tmx");
            assertThat(tmxPairs(zip.get("matches.tmx")))
                    .as("the TMX's matches are the XLIFF's")
                    .isEqualTo(altTransPairs(xliff));
        }
        // (the memory is shared with other tests: similar sentences of theirs may match as well)
        assertThat(tmxPairs(all.get("matches.tmx")).stream().map(pair -> pair.get(1)))
                .contains(plain(matchTargets.get(0)), plain(matchTargets.get(1)));
        assertThat(tmxPairs(untranslated.get("matches.tmx")).stream().map(pair -> pair.get(1)))
                .contains(plain(matchTargets.get(0)))
                .doesNotContain(plain(matchTargets.get(1)));
    }

    /** The (source, target) texts of a TMX's units, as plain text. */
    private static Set<List<String>> tmxPairs(String tmx) {
        return pairs(tmx, "<tu[ >](.*?)</tu>", "<seg>(.*?)</seg>");
    }

    /** The (source, target) texts of an XLIFF 1.2's alt-trans elements, as plain text. */
    private static Set<List<String>> altTransPairs(String xliff) {
        return pairs(xliff, "<alt-trans[^>]*>(.*?)</alt-trans>", "<(?:source|target)[^>]*>(.*?)</(?:source|target)>");
    }

    private static Set<List<String>> pairs(String xml, String container, String text) {
        Set<List<String>> pairs = new HashSet<>();
        Matcher m = Pattern.compile(container, Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            pairs.add(texts(m.group(1), text));
        }
        return pairs;
    }

    private static List<String> texts(String xml, String element) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile(element, Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            texts.add(plain(m.group(1)));
        }
        return texts;
    }

    /** Text without inline elements (Verso's TMX writes its bpt/ept/ph/it empty; XLIFF's g/x/bx/ex), unescaped. */
    private static String plain(String markup) {
        return markup.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /** The text of one unit of an exported file, from its id to its end tag. */
    private static String unit(String xliff, String id, String end) {
        int start = xliff.indexOf("id=\"" + id + "\"");
        assertThat(start).as("unit %s in %s", id, xliff).isPositive();
        return xliff.substring(start, xliff.indexOf(end, start));
    }
}
