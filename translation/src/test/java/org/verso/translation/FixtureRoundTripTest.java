package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verso.translation.Fixtures.bold;
import static org.verso.translation.Fixtures.italic;
import static org.verso.translation.Fixtures.paragraph;
import static org.verso.translation.Fixtures.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Documents the test writes itself, with inline formatting, through extraction, translation and merge. */
class FixtureRoundTripTest {
    private static final String BOLD = "<g id=\"(\\d+)\">bold</g>";
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
    void docxBoldAndItalicRunsBecomeCodesThatSurviveTheRoundTrip() {
        byte[] docx = Fixtures.docx(
                paragraph(
                        run("This is "),
                        bold("bold"),
                        run(" and "),
                        italic("italic"),
                        run(" text. The second sentence is plain. The third, e.g. this one, ends here.")),
                paragraph(run("Вторая строка, т. е. русский текст. Она тоже делится.")));
        SourceFile file = SourceFile.of(Fixtures.DOCX, "fixture.docx", "en");

        ExtractedSegments segments = RoundTrips.check(segmentation, docx, file, false);

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "This is bold and italic text.",
                        "The second sentence is plain.",
                        "The third, e.g. this one, ends here.",
                        "Вторая строка, т. е. русский текст.",
                        "Она тоже делится.");
        String first = segments.segments().get(0).source();
        assertThat(first).matches("This is " + BOLD + " and <g id=\"\\d+\">italic</g> text\\.");
        assertThat(segments.segments().get(0).unit())
                .isEqualTo(segments.segments().get(2).unit());
        assertThat(segments.segments().get(3).unit())
                .isNotEqualTo(segments.segments().get(0).unit());
        // Okapi's original data of a DOCX run is its reference into the file's skeleton (the run properties stay there)
        assertThat(segments.segments().get(0).codes())
                .extracting(OriginalCode::data)
                .containsExactly("<run1>", "</run1>", "<run2>", "</run2>");
    }

    @Test
    void aTranslationWithReorderedCodesKeepsEachFormattingOnItsWords() {
        byte[] docx = Fixtures.docx(paragraph(run("This is "), bold("bold"), run(" and "), italic("italic"), run(".")));
        SourceFile file = SourceFile.of(Fixtures.DOCX, "fixture.docx", "en");
        ExtractedSegment segment =
                RoundTrips.extract(segmentation, docx, file).segments().get(0);
        String boldId = segment.source().replaceAll(".*<g id=\"(\\d+)\">bold</g>.*", "$1");
        String italicId = segment.source().replaceAll(".*<g id=\"(\\d+)\">italic</g>.*", "$1");

        byte[] merged = mergeOne(
                docx,
                file,
                segment,
                "Это <g id=\"" + italicId + "\">курсив</g> и <g id=\"" + boldId
                        + "\">жирный</g> &amp; &lt;прочее&gt;.");

        String documentXml = zipEntry(merged, "word/document.xml");
        assertThat(documentXml).containsPattern("<w:b/>.*?<w:t[^>]*>жирный</w:t>");
        assertThat(documentXml).containsPattern("<w:i/>.*?<w:t[^>]*>курсив</w:t>");
        assertThat(documentXml).contains("&amp; &lt;прочее&gt;");
        ExtractedSegment back =
                RoundTrips.extract(segmentation, merged, file).segments().get(0);
        assertThat(back.text()).isEqualTo("Это курсив и жирный & <прочее>.");
        assertThat(back.source())
                .matches("Это <g id=\"\\d+\">курсив</g> и <g id=\"\\d+\">жирный</g> &amp; &lt;прочее&gt;\\.");
    }

    @Test
    void odtSpansBecomeCodesThatSurviveTheRoundTrip() {
        byte[] odt = Fixtures.odt(
                Fixtures.odtParagraph("Plain <text:span text:style-name=\"T1\">bold</text:span> and "
                        + "<text:span text:style-name=\"T2\">italic</text:span>. Second sentence. Third sentence."),
                Fixtures.odtParagraph("Это первое предложение. Это второе, т. е. последнее."));
        SourceFile file = SourceFile.of(Fixtures.ODT, "fixture.odt", "en");

        ExtractedSegments segments = RoundTrips.check(segmentation, odt, file, false);

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Plain bold and italic.",
                        "Second sentence.",
                        "Third sentence.",
                        "Это первое предложение.",
                        "Это второе, т. е. последнее.");
        assertThat(segments.segments().get(0).source()).matches("Plain " + BOLD + " and <g id=\"\\d+\">italic</g>\\.");
    }

    @Test
    void htmlInlineElementsBecomeCodesThatSurviveTheRoundTrip() {
        byte[] html = ("<html><head><title>Title</title></head><body><p>This is <b>bold</b> and <i>italic</i>."
                        + " Second sentence.<br/>Third sentence after a break.</p><p>Привет, мир. Пока.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        SourceFile file = SourceFile.of("text/html", "fixture.html", "en");

        ExtractedSegments segments = RoundTrips.check(segmentation, html, file, false);

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Title",
                        "This is bold and italic.",
                        "Second sentence.",
                        "Third sentence after a break.",
                        "Привет, мир.",
                        "Пока.");
        assertThat(segments.segments())
                .extracting(ExtractedSegment::source)
                .anyMatch(s -> s.matches("This is " + BOLD + " and <g id=\"\\d+\">italic</g>\\."));
        // each code's original data is kept for XLIFF 2.0's originalData: the tags themselves
        ExtractedSegment bold = segments.segments().get(1);
        String boldId = bold.source().replaceAll(".*<g id=\"(\\d+)\">bold</g>.*", "$1");
        assertThat(bold.codes())
                .contains(
                        new OriginalCode(Integer.parseInt(boldId), OriginalCode.Role.OPENING, "<b>"),
                        new OriginalCode(Integer.parseInt(boldId), OriginalCode.Role.CLOSING, "</b>"));
        assertThat(segments.segments())
                .flatExtracting(ExtractedSegment::codes)
                .contains(new OriginalCode(3, OriginalCode.Role.STANDALONE, "<br/>"));
        assertThat(segments.segments().get(4).codes()).isEmpty(); // Привет, мир.
    }

    @Test
    void xliffInlineCodesOfBothVersionsSurviveTheRoundTrip() {
        byte[] xliff12 = Fixtures.xliff12(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "en",
                "Press <g id=\"1\">Save</g> now. Then <x id=\"2\"/> close the window.",
                "Second unit.");
        byte[] xliff2 = Fixtures.xliff2(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "en",
                "Press <pc id=\"1\">Save</pc> now. Then <ph id=\"2\"/> close the window.",
                "Second unit.");

        SourceFile file = SourceFile.of(Fixtures.XLIFF, "fixture.xlf", "ru");

        // XLIFF 1.2 without <seg-source>: each unit is split by the SRX rules
        ExtractedSegments segments12 = RoundTrips.check(segmentation, xliff12, file, true);
        assertThat(segments12.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("Press Save now.", "Then  close the window.", "Second unit.");
        assertThat(segments12.segments().get(0).source()).matches("Press <g id=\"\\d+\">Save</g> now\\.");
        assertThat(segments12.segments().get(1).source()).matches("Then <x id=\"\\d+\"/> close the window\\.");

        // XLIFF 2 has its own <segment>s, which are kept
        ExtractedSegments segments2 = RoundTrips.check(segmentation, xliff2, file, true);
        assertThat(segments2.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("Press Save now. Then  close the window.", "Second unit.");
        assertThat(segments2.segments().get(0).source())
                .matches("Press <g id=\"\\d+\">Save</g> now\\. Then <x id=\"\\d+\"/> close the window\\.");
    }

    @Test
    void poAndPlainTextRoundTripWithRussian() {
        byte[] po = ("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                        + "msgid \"Everyone has the right to life. Nobody shall be held in slavery.\"\nmsgstr \"\"\n\n"
                        + "msgid \"Tom & Jerry <3\"\nmsgstr \"\"\n")
                .getBytes(StandardCharsets.UTF_8);
        ExtractedSegments poSegments =
                RoundTrips.check(segmentation, po, SourceFile.of(Fixtures.PO, "fixture.po", "en"), true);
        assertThat(poSegments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Everyone has the right to life.", "Nobody shall be held in slavery.", "Tom & Jerry <3");

        byte[] text = ("Каждый человек имеет право на жизнь. Никто не должен\nсодержаться в рабстве.\n\n"
                        + "A second paragraph, i.e. English. It has two sentences.\n")
                .getBytes(StandardCharsets.UTF_8);
        ExtractedSegments textSegments =
                RoundTrips.check(segmentation, text, SourceFile.of("text/plain", "fixture.txt", "ru"), false);
        assertThat(textSegments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Каждый человек имеет право на жизнь.",
                        "Никто не должен содержаться в рабстве.",
                        "A second paragraph, i.e. English.",
                        "It has two sentences.");
    }

    @Test
    void legacyCharsetTextIsReadWithTheHintOrDetected() {
        byte[] cp1251 = "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом."
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));

        ExtractedSegments hinted = segmentation.extract(
                new ByteArrayInputStream(cp1251), new SourceFile("text/plain", "udhr.txt", "ru", "windows-1251"));
        ExtractedSegments detected = segmentation.extract(
                new ByteArrayInputStream(cp1251), new SourceFile("text/plain", "udhr.txt", "ru", null));

        assertThat(hinted.segments().get(0).text())
                .isEqualTo("Все люди рождаются свободными и равными в своем достоинстве и правах.");
        assertThat(detected.segments()).isEqualTo(hinted.segments());
    }

    private static byte[] mergeOne(byte[] original, SourceFile file, ExtractedSegment segment, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segmentation.merge(
                new ByteArrayInputStream(original),
                file,
                "ru",
                List.of(new SegmentTranslation(segment.index(), segment.source(), target)),
                out);
        return out.toByteArray();
    }

    static String zipEntry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + name + " in the package");
    }
}
