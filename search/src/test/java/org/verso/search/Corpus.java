package org.verso.search;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The shared test corpus ({@code VERSO_TEST_CORPUS}, else {@code ../shared/corpus}): its manifest, and its files'
 * text as Tika extracts it (Tika is a test dependency only; the application gets text from ingest).
 */
final class Corpus {
    /** One line of MANIFEST.tsv. */
    record Entry(String path, String language) {}

    private Corpus() {}

    /** The corpus folder; skips the test with a reason when it is absent, fails instead when {@code CI=true}. */
    static Path root() {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        // surefire sets the variable; from an IDE the module directory is the working directory
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus");
        boolean present = Files.isRegularFile(root.resolve("MANIFEST.tsv"));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("the test corpus is missing at " + root.toAbsolutePath() + " (set VERSO_TEST_CORPUS)");
        }
        assumeTrue(present, "the test corpus is not at " + root.toAbsolutePath() + "; set VERSO_TEST_CORPUS to run");
        return root.normalize();
    }

    static List<Entry> manifest(Path root) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t", -1);
            String language = columns[5].split("[,;]")[0].strip();
            entries.add(new Entry(columns[0], "-".equals(language) ? null : language));
        }
        return entries;
    }

    /**
     * The text Tika extracts, with the title it finds (or null). As ingest reads them, the pictures inside documents
     * that have text of their own are not read by OCR: with Tesseract installed, Tika would read each of them (84 in
     * one ODT of the corpus), which took four minutes of every build.
     */
    record Extracted(String title, String text) {}

    static Extracted extract(Path file) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        BodyContentHandler handler = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, handler, metadata, context(file));
        }
        return new Extracted(metadata.get(TikaCoreProperties.TITLE), handler.toString());
    }

    private static ParseContext context(Path file) {
        ParseContext context = new ParseContext();
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            TesseractOCRConfig noOcr = new TesseractOCRConfig();
            noOcr.setSkipOcr(true);
            context.set(TesseractOCRConfig.class, noOcr);
        }
        return context;
    }
}
