package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.verso.ingest.Corpus;

/** The parser of each type, worked out once, is the one Tika's own auto-detecting parser reaches, with its text. */
class KnownParsersTest {
    private static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();

    @Test
    void choosesTheParserTikasDefaultCompositeChoosesForEveryType() {
        KnownParsers known = new KnownParsers(CONFIG);
        ParseContext context = new ParseContext();
        var tikas = new AutoDetectParser(CONFIG).getParsers(context);
        assertThat(known.getParsers(context).keySet()).isEqualTo(tikas.keySet());
        for (var entry : tikas.entrySet()) {
            MediaType type = entry.getKey();
            Parser expected = entry.getValue() instanceof CompositeParser composite
                    ? composite.getParsers(context).get(type)
                    : entry.getValue();
            assertThat(known.getParsers(context).get(type)).as("%s", type).isSameAs(expected);
        }
        assertThat(known.getParsers(context)).containsKey(MediaType.application("pdf"));
    }

    @Test
    void readsTheSameTextAsTikasParserFromEveryOfficeFileOfTheCorpus() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.file("office"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        KnownParsers known = new KnownParsers(CONFIG);
        AutoDetectParser tikas = new AutoDetectParser(CONFIG);
        for (Path file : files) {
            assertThat(text(known, file)).as("%s", file.getFileName()).isEqualTo(text(tikas, file));
        }
    }

    private static String text(Parser parser, Path file) {
        BodyContentHandler text = new BodyContentHandler(-1);
        try (InputStream in = Files.newInputStream(file)) {
            ParseContext context = new ParseContext();
            TesseractOCRConfig noOcr = new TesseractOCRConfig();
            noOcr.setSkipOcr(true); // the parsers' own text; OCR of every picture would take minutes
            context.set(TesseractOCRConfig.class, noOcr);
            parser.parse(in, text, new Metadata(), context);
        } catch (Exception e) {
            return "failed: " + e.getClass().getName();
        }
        return text.toString();
    }
}
