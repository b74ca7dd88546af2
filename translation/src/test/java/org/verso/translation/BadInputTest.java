package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verso.library.ConflictException;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;
import org.verso.library.TooLargeException;
import org.verso.library.UnsupportedTypeException;

/**
 * Bad input ends in a domain exception with a stable code and a human reason, within the time limit; XML parsers never
 * resolve external entities or fetch anything.
 */
class BadInputTest {
    private static Segmentation segmentation;

    @TempDir
    Path temp;

    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;

    @BeforeAll
    static void start() {
        segmentation = new Segmentation(TranslationProperties.defaults());
    }

    @AfterAll
    static void stop() {
        segmentation.close();
    }

    /** A local server that counts every connection: a parser that fetched a URL would show up here. */
    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(200);
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (var socket = listener.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // keep listening
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        acceptor.join(2_000);
    }

    static Stream<Arguments> brokenCorpusFiles() {
        String docx = Fixtures.DOCX;
        return Stream.of(
                Arguments.of("broken/encrypted/docx-password-pass.docx", docx, "encrypted-file"),
                Arguments.of("broken/encrypted/docx-password-tika.docx", docx, "encrypted-file"),
                Arguments.of("broken/truncated/docx-truncated.docx", docx, "unreadable-file"),
                Arguments.of("broken/truncated/docx-truncated-62886.docx", docx, "unreadable-file"),
                Arguments.of("broken/truncated/empty-0-bytes.pdf", docx, "unreadable-file"),
                Arguments.of("broken/wrong-extension/pdf-bytes-named.docx", docx, "unreadable-file"),
                Arguments.of("broken/encrypted/odt-encrypted.odt", Fixtures.ODT, "encrypted-file"),
                Arguments.of("office/odt/testODTMacro.fodt", Fixtures.ODT, "unreadable-file"),
                Arguments.of("translation/invalid/symfony_invalid-xml.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of("translation/invalid/symfony_non-valid.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of("translation/invalid/xliff20_bad_DataIdNotUnique.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of(
                        "translation/invalid/xliff20_bad_InvalidFragIdSyntax.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of(
                        "translation/invalid/xliff20_bad_InvalidStateValue.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of("translation/invalid/xliff20_bad_NoTrgLang.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of(
                        "translation/invalid/xliff20_bad_SegmentWithoutSource.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of("translation/invalid/xliff20_bad_TwoSourceInUnit.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of("translation/xliff20/valid_withTBXExtension.xlf", Fixtures.XLIFF, "unreadable-file"),
                Arguments.of("translation/xliff12/its-lqi.xlf", Fixtures.XLIFF, "external-reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCorpusFiles")
    void aBrokenFileFailsWithACodeAndAHumanReason(String relative, String mediaType, String code) {
        Path file = Corpus.file(relative);

        Throwable failure = catchThrowable(() -> segmentation.extract(
                new ByteArrayInputStream(Corpus.bytes(file)), SourceFile.of(mediaType, file.toString(), "en")));

        assertThat(failure).isInstanceOf(InvalidInputException.class);
        assertThat(((DomainException) failure).code()).isEqualTo(code);
        assertThat(failure.getMessage()).startsWith("The ").doesNotContain("Exception");
    }

    static Stream<Arguments> readableOddCorpusFiles() {
        return Stream.of(
                Arguments.of("broken/encrypted/docx-editing-restricted-not-encrypted.docx", Fixtures.DOCX),
                Arguments.of("broken/wrong-extension/odt-bytes-named.docx", Fixtures.ODT),
                Arguments.of("broken/wrong-extension/docx-bytes-named.pdf", Fixtures.DOCX),
                Arguments.of("broken/wrong-extension/html-bytes-named.txt", "text/html"),
                Arguments.of("broken/wrong-extension/plain-text-named.odt", "text/plain"),
                Arguments.of("broken/wrong-extension/html-misleading-charset-arabic.html", "text/html"),
                Arguments.of("broken/wrong-extension/html-noisy-meta-encoding.html", "text/html"),
                Arguments.of("broken/corrupt/html-broken-with-rfc822.html", "text/html"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableOddCorpusFiles")
    void aFileThatIsReadableAfterAllIsSegmentedByItsDetectedType(String relative, String mediaType) {
        Path file = Corpus.file(relative);

        ExtractedSegments segments = segmentation.extract(
                new ByteArrayInputStream(Corpus.bytes(file)), SourceFile.of(mediaType, file.toString(), "en"));

        assertThat(segments.count()).isPositive();
    }

    static Stream<Arguments> damagedCorpusFiles() {
        return Stream.of(
                        "broken/corrupt/docx-word-crash067.docx",
                        "broken/fuzzed/docx-clusterfuzz-4791943399604224.docx",
                        "broken/fuzzed/docx-clusterfuzz-5313273089884160.docx",
                        "broken/fuzzed/docx-crash-517626e8.docx")
                .map(Arguments::of);
    }

    /** Damaged files may still be readable in part; either way nothing but a domain failure may come out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedCorpusFiles")
    void aDamagedFileIsSegmentedOrFailsWithAReason(String relative) {
        Path file = Corpus.file(relative);

        Throwable failure = catchThrowable(() -> segmentation.extract(
                new ByteArrayInputStream(Corpus.bytes(file)), SourceFile.of(Fixtures.DOCX, file.toString(), "en")));

        if (failure != null) {
            assertThat(failure).isInstanceOf(InvalidInputException.class);
            assertThat(failure.getMessage()).startsWith("The file ");
        }
    }

    @Test
    void theCorpusDocxWithAnExternalEntityNeverResolvesIt() {
        Path file = Corpus.file("broken/bombs/docx-xxe-external-entity.docx");

        Throwable failure = catchThrowable(() -> segmentation.extract(
                new ByteArrayInputStream(Corpus.bytes(file)), SourceFile.of(Fixtures.DOCX, "xxe.docx", "en")));

        // the entity points at a web page; with no DTD support it is never fetched and its use is an error
        assertThat(failure).isInstanceOf(InvalidInputException.class);
        assertThat(((DomainException) failure).code()).isEqualTo("unreadable-file");
    }

    @Test
    void externalEntitiesInEveryXmlFormatAreNeverResolvedNorFetched() throws IOException {
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        Path secretFile = Files.writeString(temp.resolve("secret.txt"), secret);
        String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil";
        String fileEntity = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>";
        String httpEntity = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + url + ".xml\">]>";
        String externalDtd = "<!DOCTYPE x SYSTEM \"" + url + ".dtd\">";
        String parameterEntity = "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + url + ".ent\"> %p;]>";

        for (String doctype : List.of(fileEntity, httpEntity, externalDtd, parameterEntity)) {
            String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype;
            assertNeverResolved(Fixtures.xliff12(prolog, "en", "Hello &xxe; world."), Fixtures.XLIFF, secret);
            assertNeverResolved(Fixtures.xliff2(prolog, "en", "Hello &xxe; world."), Fixtures.XLIFF, secret);
            assertNeverResolved(
                    Fixtures.docxWithDocumentXml(
                            prolog, Fixtures.paragraph("<w:r><w:t>Hello &xxe; world.</w:t></w:r>")),
                    Fixtures.DOCX,
                    secret);
            assertNeverResolved(
                    Fixtures.odtWithContentXml(prolog, Fixtures.odtParagraph("Hello &xxe; world.")),
                    Fixtures.ODT,
                    secret);
            assertNeverResolved(
                    (doctype + "<html><body><p>Hello &xxe; world.</p></body></html>").getBytes(StandardCharsets.UTF_8),
                    "text/html",
                    secret);
        }
        assertThat(connections.get()).as("connections to the local server").isZero();
    }

    @Test
    void billionLaughsAreNotExpanded() {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            doctype.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");

        for (byte[] bomb : List.of(
                Fixtures.xliff12(doctype.toString(), "en", "&lol10;"),
                Fixtures.xliff2(doctype.toString(), "en", "&lol10;"),
                Fixtures.docxWithDocumentXml(
                        doctype.toString(), Fixtures.paragraph("<w:r><w:t>&lol10;</w:t></w:r>")))) {
            Throwable failure = catchThrowable(() ->
                    segmentation.extract(new ByteArrayInputStream(bomb), SourceFile.of(guessType(bomb), "bomb", "en")));
            assertThat(failure).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void anItsReferenceToAUrlIsRefusedAndNeverFetched() {
        String url = "http://127.0.0.1:" + listener.getLocalPort() + "/issues.xml#lqi1";
        byte[] xliff = ("<?xml version=\"1.0\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\""
                        + " xmlns:its=\"http://www.w3.org/2005/11/its\" its:version=\"2.0\"><file original=\"a\""
                        + " source-language=\"en\" datatype=\"plaintext\"><body><trans-unit id=\"1\">"
                        + "<source>Text <mrk mtype=\"x-its\" its:locQualityIssuesRef=\"" + url
                        + "\">here</mrk>.</source>"
                        + "</trans-unit></body></file></xliff>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> segmentation.extract(
                        new ByteArrayInputStream(xliff), SourceFile.of(Fixtures.XLIFF, "its.xlf", "en")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("never loads")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("external-reference");
        assertThat(connections.get()).isZero();
    }

    @Test
    void aFileOverTheTimeLimitFailsWithTheReason() {
        byte[] large = Corpus.bytes(Corpus.file("office/odt/fr-koha-user-manual_large.odt"));
        try (Segmentation quick = new Segmentation(
                new TranslationProperties(Duration.ofMillis(5), 200_000, null, 1, Duration.ofDays(7)))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> quick.extract(
                            new ByteArrayInputStream(large), SourceFile.of(Fixtures.ODT, "koha.odt", "fr")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("took longer than the limit")
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo("segmentation-timed-out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFileWithTooManySegmentsFailsWithTheReason() {
        try (Segmentation small =
                new Segmentation(new TranslationProperties(Duration.ofSeconds(60), 3, null, 1, Duration.ofDays(7)))) {
            byte[] text = "One. Two. Three. Four. Five.".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() ->
                            small.extract(new ByteArrayInputStream(text), SourceFile.of("text/plain", "a.txt", "en")))
                    .isInstanceOf(TooLargeException.class)
                    .hasMessage("The file has more than 3 segments.");
            assertThatThrownBy(() -> small.segmentText("One. Two. Three. Four.", "en"))
                    .isInstanceOf(TooLargeException.class);
        }
    }

    @Test
    void aFormatThatCannotRoundTripIsRefusedByExtract() {
        assertThat(segmentation.canRoundTrip("application/pdf", "a.pdf")).isFalse();

        assertThatThrownBy(() -> segmentation.extract(
                        new ByteArrayInputStream(new byte[] {1, 2, 3}),
                        SourceFile.of("application/pdf", "a.pdf", "en")))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessageContaining("new DOCX");
    }

    @Test
    void aMergeOfStaleOrMalformedTranslationsIsRefusedAndWritesNothingUsable() {
        byte[] docx = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One sentence. "), Fixtures.bold("Two"), Fixtures.run(".")));
        SourceFile file = SourceFile.of(Fixtures.DOCX, "a.docx", "en");
        ExtractedSegments segments = RoundTrips.extract(segmentation, docx, file);
        ExtractedSegment second = segments.segments().get(1);

        assertThatThrownBy(() -> merge(docx, file, new SegmentTranslation(0, "Another text.", "Другой текст.")))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("segments-out-of-date");
        assertThatThrownBy(() -> merge(docx, file, new SegmentTranslation(7, "Seven.", "Семь.")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("point past its end");
        assertThatThrownBy(() -> merge(docx, file, new SegmentTranslation(1, second.source(), "Два без кода.")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid-segment-markup");
    }

    @Test
    void mergingIntoAnXliffForAnotherTargetLanguageIsRefused() {
        byte[] xliff = ("<?xml version=\"1.0\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                        + "<file original=\"a\" source-language=\"en\" target-language=\"de\" datatype=\"plaintext\"><body>"
                        + "<trans-unit id=\"1\"><source>Hello.</source></trans-unit></body></file></xliff>")
                .getBytes(StandardCharsets.UTF_8);
        SourceFile file = SourceFile.of(Fixtures.XLIFF, "a.xlf", "en");

        assertThatThrownBy(() -> segmentation.merge(
                        new ByteArrayInputStream(xliff),
                        file,
                        "ru",
                        List.of(new SegmentTranslation(0, "Hello.", "Привет.")),
                        new ByteArrayOutputStream()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("target-language-mismatch");
    }

    private static void merge(byte[] original, SourceFile file, SegmentTranslation translation) {
        segmentation.merge(
                new ByteArrayInputStream(original), file, "ru", List.of(translation), new ByteArrayOutputStream());
    }

    private static void assertNeverResolved(byte[] document, String mediaType, String secret) {
        Throwable failure = catchThrowable(() -> {
            ExtractedSegments segments =
                    segmentation.extract(new ByteArrayInputStream(document), SourceFile.of(mediaType, "xxe", "en"));
            assertThat(segments.segments()).extracting(ExtractedSegment::text).noneMatch(text -> text.contains(secret));
        });
        if (failure instanceof AssertionError error) {
            throw error;
        }
        if (failure != null) {
            assertThat(failure).as(mediaType).isInstanceOf(InvalidInputException.class);
            assertThat(failure.getMessage()).doesNotContain(secret);
        }
    }

    private static String guessType(byte[] bytes) {
        return bytes[0] == 'P' && bytes[1] == 'K' ? Fixtures.DOCX : Fixtures.XLIFF;
    }
}
