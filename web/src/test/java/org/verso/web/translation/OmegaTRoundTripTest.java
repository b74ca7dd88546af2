package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    private static final Pattern TMX_SOURCE = Pattern.compile("<tuv lang=\"EN\">\\s*<seg>(.*?)</seg>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @BeforeAll
    static void omegatIsInstalled() {
        if (omegat() == null) {
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
        Path project = project(name, xliff);

        run(
                project,
                "--mode=console-createpseudotranslatetmx",
                "--pseudotranslatetmx=" + dir.resolve("seen.tmx"),
                "--pseudotranslatetype=equal");
        List<String> seen = new ArrayList<>();
        Matcher m = TMX_SOURCE.matcher(Files.readString(dir.resolve("seen.tmx")));
        while (m.find()) {
            seen.add(unescape(m.group(1)));
        }
        // OmegaT sees every segment once (identical sources are one entry), tags as <g0>…</g0>, <x1/>
        assertThat(seen).hasSize(before.size());
        assertThat(String.join(" ", seen)).containsPattern("<g\\d+>");

        StringBuilder tmx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
                + "<header creationtool=\"Verso test\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"Verso\""
                + " adminlang=\"EN-US\" srclang=\"EN\" datatype=\"plaintext\"/><body>\n");
        for (String source : seen) {
            tmx.append("<tu><tuv lang=\"EN\"><seg>")
                    .append(escape(source))
                    .append("</seg></tuv><tuv lang=\"RU\"><seg>")
                    .append(escape(translateOutsideTags(source)))
                    .append("</seg></tuv></tu>\n");
        }
        Files.writeString(project.resolve("omegat/project_save.tmx"), tmx.append("</body></tmx>\n"));

        run(project, "--mode=console-translate");
        byte[] translated = Files.readAllBytes(project.resolve("target").resolve(name));

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

    private Path project(String name, byte[] xliff) throws IOException {
        Path project = dir.resolve("project");
        for (String folder : List.of("source", "target", "omegat", "tm", "glossary", "dictionary")) {
            Files.createDirectories(project.resolve(folder));
        }
        Files.write(project.resolve("source").resolve(name), xliff);
        // sentence_seg false: each XLIFF unit is one OmegaT segment, as Verso cut it
        Files.writeString(
                project.resolve("omegat.project"),
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <omegat>
                  <project version="1.0">
                    <source_dir>__DEFAULT__</source_dir>
                    <target_dir>__DEFAULT__</target_dir>
                    <tm_dir>__DEFAULT__</tm_dir>
                    <glossary_dir>__DEFAULT__</glossary_dir>
                    <glossary_file>__DEFAULT__</glossary_file>
                    <dictionary_dir>__DEFAULT__</dictionary_dir>
                    <source_lang>EN</source_lang>
                    <target_lang>RU</target_lang>
                    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
                    <target_tok>org.omegat.tokenizer.LuceneRussianTokenizer</target_tok>
                    <sentence_seg>false</sentence_seg>
                    <support_default_translations>true</support_default_translations>
                    <remove_tags>false</remove_tags>
                  </project>
                </omegat>
                """);
        return project;
    }

    private void run(Path project, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(omegat().toString(), project.toString()));
        command.addAll(List.of(options));
        Path log = dir.resolve("omegat.log");
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.awt.headless=true");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("OmegaT did not finish within 5 minutes: " + Files.readString(log));
        }
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    static Path omegat() {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "omegat");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
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

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String unescape(String xml) {
        return xml.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
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
