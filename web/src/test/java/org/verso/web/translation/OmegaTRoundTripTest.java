package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.web.testing.OmegaT;
import tools.jackson.databind.JsonNode;

/**
 * A real CAT tool reads Verso's XLIFF: OmegaT 3.6 (Debian's {@code omegat}) runs headless on a project built around
 * an exported translation, lists what it sees ({@code console-createpseudotranslatetmx}), translates every segment
 * from a TMX placed as the project's {@code omegat/project_save.tmx} ({@code console-translate}, inline tags
 * included), and the file it writes is imported back: every segment's target and codes are checked. The same from the
 * offline package. Skipped without OmegaT, except under CI ({@code CI=true}), where that fails.
 */
class OmegaTRoundTripTest extends XliffTestBase {
    private static final Pattern OMEGAT_TAG = Pattern.compile("</?[a-z]+\\d+/?>");

    @TempDir
    Path dir;

    @BeforeAll
    static void omegatIsInstalled() {
        if (OmegaT.executable() == null) {
            String message = "OmegaT is not installed (Debian package omegat; scripts/test installs it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
    }

    @Test
    void omegatTranslatesTheExportedXliffAndItsTargetFileComesBackIntoEverySegment() throws Exception {
        Claimed t = claimed("ru");
        byte[] xliff = export(t.holder(), t.id(), "?version=1.2");
        roundTrip(t, "charter.ru.xlf", xliff);
    }

    @Test
    void omegatTranslatesAnExportCarryingMemoryMatchesAndGlossaryEntriesAndItComesBack() throws Exception {
        String word = "quokka" + Long.toString(System.nanoTime(), 36);
        Claimed t = claimed(documentNaming(word), "ru", "en");
        matchAndTerm(t, word);
        byte[] xliff = export(t.holder(), t.id(), "?version=1.2");
        assertThat(text(xliff)).contains("<alt-trans match-quality=\"100\"", "<note from=\"glossary\">" + word);
        // OmegaT sees the units only: neither the alt-trans nor the glossary note is a segment of its own
        roundTrip(t, "charter.ru.xlf", xliff);
    }

    @Test
    void theOfflinePackagesXliffMakesTheSameRoundTrip() throws Exception {
        Claimed t = claimed("ru");
        byte[] zip = download(t.holder().account().username(), "/api/translations/" + t.id() + "/package");
        Map<String, String> entries = XliffImportTest.unzip(zip);
        String name = entries.keySet().stream()
                .filter(n -> n.endsWith(".xlf"))
                .findFirst()
                .orElseThrow();
        roundTrip(t, name, entries.get(name).getBytes(StandardCharsets.UTF_8));
    }

    private void roundTrip(Claimed t, String name, byte[] xliff) throws Exception {
        JsonNode before = segmentList(t.holder(), t.id());
        OmegaT omegat = OmegaT.project(dir, name, xliff);

        List<String> seen = omegat.sources();
        // OmegaT sees every segment once (identical sources are one entry), tags as <g0>…</g0>, <x1/>
        assertThat(seen).hasSize(before.size());
        assertThat(String.join(" ", seen)).containsPattern("<g\\d+>");

        byte[] translated = omegat.translate(seen, OmegaTRoundTripTest::translateOutsideTags);

        var response = upload(t.holder(), t.id(), translated);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("updated").asInt()).as(response.body()).isEqualTo(before.size());
        JsonNode after = segmentList(t.holder(), t.id());
        for (int i = 0; i < before.size(); i++) {
            String source = before.get(i).get("source").asString();
            assertThat(after.get(i).get("target").asString())
                    .as("segment %d", i)
                    .isEqualTo(XliffImportTest.cyrillicMarkup(source));
            assertThat(XliffFilesCodes.of(after.get(i).get("target").asString()))
                    .isEqualTo(XliffFilesCodes.of(source));
            assertThat(after.get(i).get("status").asString()).isEqualTo("translated");
        }
    }

    /** Latin letters outside OmegaT's tags become Cyrillic ones, as {@link XliffImportTest#cyrillic} does. */
    static String translateOutsideTags(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = OMEGAT_TAG.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(plain(text.substring(at, m.start())));
            out.append(m.group());
            at = m.end();
        }
        return out.append(plain(text.substring(at))).toString();
    }

    /** Plain text (no tags, no entities: a {@code <} or {@code &} is a character) through the same letter shift. */
    private static String plain(String text) {
        String hidden = text.replace("<", "\u0001").replace("&", "\u0002");
        return XliffImportTest.cyrillic(hidden).replace("\u0001", "<").replace("\u0002", "&");
    }

    /** The codes of Verso markup, ids and roles in order. */
    static final class XliffFilesCodes {
        static List<String> of(String markup) {
            return org.verso.translation.MarkupPiece.of(markup).stream()
                    .filter(p -> p.kind() != org.verso.translation.MarkupPiece.Kind.TEXT)
                    .map(p -> p.kind() + " " + p.code())
                    .toList();
        }
    }
}
