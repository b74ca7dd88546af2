package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.ingest.Corpus;
import org.verso.ingest.Extraction;
import org.verso.library.testing.Tesseract;

/** With Tesseract installed, OCR reads only what has no text, and nothing when it is turned off. */
class OcrSettingsTest {
    private static final Limits LIMITS = new Limits(5_000_000, 100, 1L << 30, 5);

    @TempDir
    static Path scratch;

    private static TikaReader withOcr;
    private static TikaReader withoutOcr;

    @BeforeAll
    static void readers() throws Exception {
        Tesseract.require();
        withOcr = new TikaReader(LIMITS, scratch);
        withoutOcr = new TikaReader(LIMITS.withOcr(false), scratch);
    }

    @Test
    void aPdfPageWithoutTextIsReadByOcrOnlyWhenOcrIsOn() {
        Path scan = Corpus.file("office/pdf/image-only-ocr-needed.pdf");
        assertThat(withoutOcr.read(scan).text()).isBlank();
        assertThat(withoutOcr.read(scan).withoutText()).isTrue();
        Extraction read = withOcr.read(scan);
        assertThat(read.succeeded()).isTrue();
        assertThat(read.text()).contains("Happy New Year");
        assertThat(read.textFromOcr()).isTrue();
    }

    @Test
    void aBlankPageIsNotAScanAndKeepsNoText() {
        Extraction blank = withOcr.read(Corpus.file("office/pdf/blank-page.pdf"));
        assertThat(blank.succeeded()).isTrue();
        assertThat(blank.withoutText()).isTrue();
        assertThat(blank.textFromOcr()).isFalse();
    }

    @Test
    void picturesInDocumentsWithTextAreNotReadByOcr() {
        // office documents with embedded pictures (screenshots with words in them among them): OCR would add text
        for (String name : List.of(
                "office/odt/fr-koha-user-manual_large.odt",
                "office/odt/its-translate-no.odt",
                "office/odt/omegat-developer-guide.odt",
                "office/odt/okapi-TestDocument01.odt",
                "office/rtf/OpenXML_text_reference_v1_2.rtf",
                "office/rtf/embedded-files.rtf")) {
            Path file = Corpus.file(name);
            Extraction read = withOcr.read(file);
            assertThat(read.succeeded()).as(name).isTrue();
            assertThat(read.text())
                    .as(name)
                    .isNotBlank()
                    .isEqualTo(withoutOcr.read(file).text());
            assertThat(read.textFromOcr()).as(name).isFalse();
        }
    }

    @Test
    void pdfsWithATextLayerReadTheSameWithOcrOnAndOff() {
        for (String name : List.of(
                "office/pdf/academic-paper-microrobots.pdf",
                "office/pdf/taus-quality-dashboard-2015.pdf",
                "office/pdf/testPDFVarious.pdf")) {
            Path file = Corpus.file(name);
            Extraction read = withOcr.read(file);
            assertThat(read.text())
                    .as(name)
                    .isNotBlank()
                    .isEqualTo(withoutOcr.read(file).text());
            assertThat(read.textFromOcr()).as(name).isFalse();
        }
    }
}
