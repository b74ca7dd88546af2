package org.verso.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names are shown in their stored order: bidirectional controls are written out, never obeyed. */
class FileNamesTest {

    @Test
    void bidirectionalControlsAreWrittenOutSoTheExtensionShowsAsItIs() {
        assertThat(NewFile.fileName("invoice\u202Efdp.exe")).isEqualTo("invoice[U+202E]fdp.exe");
        assertThat(NewFile.visible("a\u2066b\u2069\u200Fc\u061Cd\u202Ae"))
                .isEqualTo("a[U+2066]b[U+2069][U+200F]c[U+061C]d[U+202A]e");
    }

    @Test
    void otherNamesStayAsTheyAre() {
        assertThat(NewFile.visible("декларация прав.docx")).isEqualTo("декларация прав.docx");
        assertThat(NewFile.visible("عربي.pdf")).isEqualTo("عربي.pdf");
        assertThat(NewFile.visible(null)).isNull();
    }

    @Test
    void aStoredNameIsShownTheSameWayWhenRead() {
        var file = new DocumentFile(
                new Sha256("0".repeat(64)),
                "scan\u202Egpj.exe",
                "image/jpeg",
                1,
                null,
                null,
                null,
                null,
                null,
                0,
                false,
                java.time.Instant.EPOCH);

        assertThat(file.originalName()).isEqualTo("scan[U+202E]gpj.exe");
    }
}
