package org.verso.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name a download is offered under. */
class OriginalDownloadTest {
    @Test
    void aNameCannotDisguiseItsExtensionWithBidirectionalControls() {
        // shown by a browser as "invoice-exe.pdf" while it is an .exe
        assertThat(OriginalDownload.safeName("invoice-\u202Efdp.exe")).isEqualTo("invoice-fdp.exe");
        assertThat(OriginalDownload.safeName("a\u2066b\u2069c\u200F.txt")).isEqualTo("abc.txt");
    }

    @Test
    void controlCharactersAreDroppedAndNothingLeftBecomesDownload() {
        assertThat(OriginalDownload.safeName("line\r\nbreak.pdf")).isEqualTo("linebreak.pdf");
        assertThat(OriginalDownload.safeName("\u202E\u0000 ")).isEqualTo("download");
        assertThat(OriginalDownload.safeName("Отчёт 2024.docx")).isEqualTo("Отчёт 2024.docx");
    }
}
