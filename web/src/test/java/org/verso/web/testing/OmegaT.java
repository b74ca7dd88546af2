package org.verso.web.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OmegaT 3.6 (Debian's {@code omegat}) in console mode, as a translator's CAT tool: a project around one XLIFF file,
 * the sources it sees ({@code console-createpseudotranslatetmx}), and the target file it writes from a TMX placed as
 * the project's {@code omegat/project_save.tmx} ({@code console-translate}).
 */
public final class OmegaT {
    private static final Pattern TMX_SOURCE = Pattern.compile("<tuv lang=\"EN\">\\s*<seg>(.*?)</seg>", Pattern.DOTALL);

    private final Path dir;
    private final Path project;
    private final String name;

    private OmegaT(Path dir, Path project, String name) {
        this.dir = dir;
        this.project = project;
        this.name = name;
    }

    /** The {@code omegat} command on the PATH, or null when it is not installed. */
    public static Path executable() {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "omegat");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** An English → Russian project in {@code dir/project} whose one source file is {@code xliff}, named {@code name}. */
    public static OmegaT project(Path dir, String name, byte[] xliff) throws IOException {
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
        return new OmegaT(dir, project, name);
    }

    /** The segments OmegaT sees, once each, with its own tags ({@code <g0>…</g0>}, {@code <x1/>}). */
    public List<String> sources() throws Exception {
        Path seen = dir.resolve("seen.tmx");
        run("--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx=" + seen, "--pseudotranslatetype=equal");
        List<String> sources = new ArrayList<>();
        Matcher m = TMX_SOURCE.matcher(Files.readString(seen));
        while (m.find()) {
            sources.add(unescape(m.group(1)));
        }
        return sources;
    }

    /** Translates every source as {@code translate} says (OmegaT's tags kept) and answers the target file's bytes. */
    public byte[] translate(List<String> sources, UnaryOperator<String> translate) throws Exception {
        StringBuilder tmx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
                + "<header creationtool=\"Verso test\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"Verso\""
                + " adminlang=\"EN-US\" srclang=\"EN\" datatype=\"plaintext\"/><body>\n");
        for (String source : sources) {
            tmx.append("<tu><tuv lang=\"EN\"><seg>")
                    .append(escape(source))
                    .append("</seg></tuv><tuv lang=\"RU\"><seg>")
                    .append(escape(translate.apply(source)))
                    .append("</seg></tuv></tu>\n");
        }
        Files.writeString(project.resolve("omegat/project_save.tmx"), tmx.append("</body></tmx>\n"));
        run("--mode=console-translate");
        return Files.readAllBytes(project.resolve("target").resolve(name));
    }

    private void run(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable().toString(), project.toString()));
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
}
