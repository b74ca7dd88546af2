package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

/** Tika's own detectors behind the checks, on bytes made here. */
class RefiningEncodingDetectorTest {
    private static final String SERBIAN_LATIN =
            """
            OPŠTA DEKLARACIJA O PRAVIMA ČOVEKA
            Pošto je priznavanje urodjenog dostojanstva i jednakih i neotudjivih prava svih članova ljudske porodice
            temelj slobode, pravde i mira u svetu; pošto je nepoštovanje i preziranje prava čoveka vodilo varvarskim
            postupcima, koji su vredjali savest čovečanstva, i pošto je stvaranje sveta u kojem će ljudska bića
            uživati slobodu govora i verovanja i biti slobodna od straha i bede proglašeno kao najviša težnja svakog
            čoveka; pošto je neophodno da prava čoveka budu zaštićena vladavinom prava.
            """;
    private static final String RUSSIAN =
            """
            Всеобщая декларация прав человека. Принимая во внимание, что признание достоинства, присущего всем членам
            человеческой семьи, и равных и неотъемлемых прав их является основой свободы, справедливости и всеобщего
            мира; и принимая во внимание, что пренебрежение и презрение к правам человека привели к варварским актам.
            """;

    private final RefiningEncodingDetector detector =
            new RefiningEncodingDetector(TikaConfig.getDefaultConfig().getEncodingDetector());

    private Charset detect(byte[] bytes, String type) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type);
        var in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        Charset charset = detector.detect(in, metadata);
        assertThat(in.readAllBytes()).as("the stream is left where it was").isEqualTo(bytes);
        return charset;
    }

    @Test
    void latinSerbianInWindows1250IsNotTakenForCyrillic() throws IOException {
        Charset charset = detect(SERBIAN_LATIN.getBytes("windows-1250"), "text/plain");

        assertThat(new String(SERBIAN_LATIN.getBytes("windows-1250"), charset)).isEqualTo(SERBIAN_LATIN);
    }

    @Test
    void cyrillicTypedWithLatinLookAlikesStaysCyrillic() throws IOException {
        String mixed = RUSSIAN.replace('о', 'o').replace('а', 'a').replace('е', 'e');

        assertThat(detect(mixed.getBytes("windows-1251"), "text/plain").name()).isEqualTo("windows-1251");
    }

    @Test
    void aPageThatDeclaresUtf8ButIsNotIsReadWithTheCharsetOfItsBytes() throws IOException {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>"
                + "<body><p>" + RUSSIAN + "</p></body></html>";
        byte[] bytes = page.getBytes("windows-1251");

        assertThat(new String(bytes, detect(bytes, "text/html"))).isEqualTo(page);
    }

    @Test
    void aTrueUtf8DeclarationIsKept() throws IOException {
        String page = "<html><head><meta charset=\"UTF-8\"></head><body><p>" + RUSSIAN + "</p></body></html>";

        assertThat(detect(page.getBytes(StandardCharsets.UTF_8), "text/html")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void hzIsRecognised() throws IOException {
        byte[] bytes = "~{J@=gHKH(P{QT~}\n1948 ~{Dj~} 12 ~{TB~}".getBytes(StandardCharsets.US_ASCII);

        Charset charset = detect(bytes, "text/plain");

        assertThat(charset).isSameAs(HzCharset.INSTANCE);
        assertThat(new String(bytes, charset)).startsWith("世界人权宣言").contains("1948 年 12 月");
    }

    @Test
    void ebcdicIsNeverTheCharsetOfAsciiMarkup() {
        assertThat(RefiningEncodingDetector.asciiCompatible(Charset.forName("IBM420")))
                .isFalse();
        assertThat(RefiningEncodingDetector.asciiCompatible(Charset.forName("windows-1252")))
                .isTrue();
    }
}
