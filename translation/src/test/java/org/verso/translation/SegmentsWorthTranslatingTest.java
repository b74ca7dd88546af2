package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Segments a translator should see: Markdown goes through Okapi's Markdown filter (link URLs, HTML tags and code are
 * codes, never segments of their own), and text extracted from a PDF is joined into paragraphs before it is split.
 */
class SegmentsWorthTranslatingTest {
    /** Only punctuation, symbols and spaces, or one word that is a piece of a URL or path ({@code /..}, a link). */
    private static final Pattern NOTHING_TO_TRANSLATE =
            Pattern.compile("[\\p{P}\\p{S}\\s]*|(\\.{0,2}/|#|\\S*://|www\\.)\\S*|\\S*\\.(md|html?)\\)?");

    private static Segmentation segmentation;

    @BeforeAll
    static void start() {
        segmentation = new Segmentation(TranslationProperties.defaults());
    }

    @AfterAll
    static void stop() {
        segmentation.close();
    }

    @Test
    void markdownLinksHtmlTagsAndCodeSpansAreNotSegments() {
        String markdown =
                """
                <meta charset="utf-8">

                # The Convention

                Read the [full text](https://example.org/treaties/../cat.html). Use `grep -r torture` to search it.

                Torture is <b>forbidden</b> everywhere.
                """;

        ExtractedSegments segments = extract(markdown, "text/markdown", "treaty.md");

        assertThat(segments.roundTrip()).isTrue();
        assertThat(segments.format()).isEqualTo("Markdown");
        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "The Convention",
                        "Read the full text.",
                        "Use  to search it.",
                        "Torture is forbidden everywhere.");
    }

    @Test
    void aFileNamedMdThatTikaCallsPlainTextIsReadAsMarkdown() {
        ExtractedSegments segments =
                extract("See [the charter](https://example.org/a/b). It binds.\n", "text/plain", "charter.md");

        assertThat(segments.format()).isEqualTo("Markdown");
        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("See the charter.", "It binds.");
    }

    @Test
    void theLinesOfAParagraphAreJoinedAndAHyphenAtALineEndIsUndone() {
        ExtractedSegments segments = segmentation.segmentText(
                "The interna-\ntional community\ncondemns torture. Non-\nRefoulement applies.\n\nA\nsecond para-\ngraph.\n\nA\n\nthird, wrapped\n\nas PDFs are.",
                "en");

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "The international community condemns torture.",
                        "Non-Refoulement applies.",
                        "A second paragraph.",
                        "A third, wrapped as PDFs are.");
        assertThat(segments.segments()).extracting(ExtractedSegment::unit).containsExactly("p1", "p1", "p2", "p3");
    }

    @Test
    void noSegmentOfTheMarkdownTreatiesIsOnlyPunctuationOrAUrlFragment() {
        List<Path> treaties = Corpus.files("legal/treaties-en-nl", ".md");
        assertThat(treaties).isNotEmpty();
        for (Path treaty : treaties) {
            String source = new String(Corpus.bytes(treaty), StandardCharsets.UTF_8);
            ExtractedSegments segments =
                    extract(source, "text/x-web-markdown", treaty.getFileName().toString());
            assertThat(segments.segments()).as(treaty.toString()).isNotEmpty();
            assertThat(segments.segments())
                    .as(treaty.toString())
                    .extracting(ExtractedSegment::text)
                    // table syntax outside a table ("|:---|", a stray "|") is the source's own text, left as it is
                    .filteredOn(text -> !(text.strip().matches("[|:\\- ]+") && source.contains(text.strip())))
                    .allSatisfy(text -> assertThat(
                                    NOTHING_TO_TRANSLATE.matcher(text.strip()).matches())
                            .as("segment \"%s\" of %s has nothing to translate", text, treaty)
                            .isFalse())
                    .noneMatch(text -> text.contains("<meta"));
        }
    }

    @Test
    void noSegmentOfTheCorpusPdfsIsOnlyPunctuationOrAUrlFragment() throws Exception {
        List<Path> pdfs = Corpus.files("office/pdf", ".pdf");
        assertThat(pdfs).isNotEmpty();
        for (Path pdf : pdfs) {
            String text = pdfText(pdf);
            if (text.isBlank()) {
                continue; // a scan or a blank page: nothing to segment
            }
            assertThat(segmentation.segmentText(text, "en").segments())
                    .as(pdf.toString())
                    .extracting(ExtractedSegment::text)
                    .filteredOn(
                            segment -> !text.lines().map(String::strip).toList().contains(segment.strip()))
                    .allSatisfy(segment -> assertThat(NOTHING_TO_TRANSLATE
                                    .matcher(segment.strip())
                                    .matches())
                            .as("segment \"%s\" of %s has nothing to translate", segment, pdf)
                            .isFalse());
        }
    }

    @Test
    void aPdfParagraphIsSegmentedBySentenceNotByLine() throws Exception {
        Path pdf = Corpus.file("office/pdf/academic-paper-microrobots.pdf");
        String text = pdfText(pdf);
        List<String> segments = segmentation.segmentText(text, "en").segments().stream()
                .map(ExtractedSegment::text)
                .toList();
        // a line of a PDF ends mid-sentence; joined into paragraphs, most segments end as sentences do
        long sentences =
                segments.stream().filter(s -> s.matches("(?s).*[.!?:;\"”)\\]]")).count();
        assertThat(sentences).as(String.join("\n", segments)).isGreaterThan(segments.size() / 2);
        assertThat(segments).doesNotContain("A");
    }

    private static String pdfText(Path pdf) throws Exception {
        var handler = new org.apache.tika.sax.BodyContentHandler(-1);
        try (var in = java.nio.file.Files.newInputStream(pdf)) {
            new org.apache.tika.parser.AutoDetectParser()
                    .parse(
                            in,
                            handler,
                            new org.apache.tika.metadata.Metadata(),
                            new org.apache.tika.parser.ParseContext());
        }
        return handler.toString();
    }

    private static ExtractedSegments extract(String text, String mediaType, String fileName) {
        return segmentation.extract(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new SourceFile(mediaType, fileName, "en", "UTF-8"));
    }
}
