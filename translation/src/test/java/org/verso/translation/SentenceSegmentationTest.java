package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SRX sentence segmentation, of text (formats that cannot round-trip) and through Okapi (those that can). */
class SentenceSegmentationTest {
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
    void anEnglishParagraphOfThreeSentencesBecomesThreeSegments() {
        ExtractedSegments segments = segmentation.segmentText(
                "The police must respect human dignity. Torture is forbidden! Is that clear?", "en");

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("The police must respect human dignity.", "Torture is forbidden!", "Is that clear?");
        assertThat(segments.roundTrip()).isFalse();
        assertThat(segments.segments()).extracting(ExtractedSegment::unit).containsOnly("p1");
    }

    @Test
    void aRussianParagraphOfThreeSentencesBecomesThreeSegments() {
        ExtractedSegments segments = segmentation.segmentText(
                "Каждый человек имеет право на жизнь. Никто не должен содержаться в рабстве! Разве это не ясно?", "ru");

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Каждый человек имеет право на жизнь.",
                        "Никто не должен содержаться в рабстве!",
                        "Разве это не ясно?");
    }

    @Test
    void englishAbbreviationsDoNotEndASentence() {
        ExtractedSegments segments = segmentation.segmentText(
                "Some bodies, e.g. the Council of Europe, publish manuals. Dr. Smith met Mr. Jones at 5 p.m. on"
                        + " Jan. 3. They agreed, i.e. they signed.",
                "en");

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Some bodies, e.g. the Council of Europe, publish manuals.",
                        "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3.",
                        "They agreed, i.e. they signed.");
    }

    @Test
    void russianAbbreviationsDoNotEndASentence() {
        ExtractedSegments segments = segmentation.segmentText(
                "Это важно, т. е. обязательно для всех. Статья 5 гл. 2 и т. д. применяется к полиции. См. также"
                        + " прил. 3. Конец.",
                "ru");

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Это важно, т. е. обязательно для всех.",
                        "Статья 5 гл. 2 и т. д. применяется к полиции.",
                        "См. также прил. 3.",
                        "Конец.");
    }

    @Test
    void referenceAbbreviationsBeforeANumberDoNotEndASentence() {
        assertThat(segmentation
                        .segmentText("See Art. 5 and para. 12 of the Convention. Then p. 7 applies.", "en")
                        .segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("See Art. 5 and para. 12 of the Convention.", "Then p. 7 applies.");
        assertThat(segmentation
                        .segmentText("Согласно прил. 2 и абз. 3 ст. 5 закона. Разд. IV не применяется.", "ru")
                        .segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("Согласно прил. 2 и абз. 3 ст. 5 закона.", "Разд. IV не применяется.");
    }

    @Test
    void paragraphsAreUnitsAndWrappedLinesAreJoined() {
        ExtractedSegments segments = segmentation.segmentText(
                "First paragraph, whose sentence\nwraps over two lines.\n\n\nSecond paragraph. Two sentences.\f"
                        + "Third, after a page break.",
                "en");

        assertThat(segments.segments())
                .extracting(ExtractedSegment::unit, ExtractedSegment::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "p1", "First paragraph, whose sentence wraps over two lines."),
                        org.assertj.core.groups.Tuple.tuple("p2", "Second paragraph."),
                        org.assertj.core.groups.Tuple.tuple("p2", "Two sentences."),
                        org.assertj.core.groups.Tuple.tuple("p3", "Third, after a page break."));
    }

    @Test
    void extractedTextIsEscapedAsMarkupWithoutCodes() {
        ExtractedSegments segments = segmentation.segmentText("Tom & Jerry <3 each other.", "en");

        assertThat(segments.segments().get(0).source()).isEqualTo("Tom &amp; Jerry &lt;3 each other.");
        assertThat(segments.segments().get(0).text()).isEqualTo("Tom & Jerry <3 each other.");
    }

    @Test
    void blankOrUnknownLanguageUsesTheDefaultRules() {
        assertThat(segmentation.segmentText("  \n\n ", "ru").segments()).isEmpty();
        assertThat(segmentation.segmentText("One. Two.", null).segments()).hasSize(2);
        assertThat(segmentation.segmentText("One. Two.", "not a tag!").segments())
                .hasSize(2);
    }

    @Test
    void theSameRulesSplitAParagraphInsideADocx() {
        byte[] docx = Fixtures.docx(
                Fixtures.paragraph(
                        Fixtures.run(
                                "Каждый человек имеет право на жизнь, т. е. на свободу. Никто не должен содержаться в рабстве. Конец.")));

        ExtractedSegments segments =
                segmentation.extract(new ByteArrayInputStream(docx), SourceFile.of(Fixtures.DOCX, "udhr.docx", "ru"));

        assertThat(segments.segments())
                .extracting(ExtractedSegment::text)
                .containsExactly(
                        "Каждый человек имеет право на жизнь, т. е. на свободу.",
                        "Никто не должен содержаться в рабстве.",
                        "Конец.");
        assertThat(segments.roundTrip()).isTrue();
        assertThat(segments.format()).isEqualTo("DOCX");
    }
}
