package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.ingest.Corpus;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/** Real Tika in real worker processes, on the shared corpus. */
class ChildProcessExtractorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    static ChildProcessExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new ChildProcessExtractor(2, 512, TIMEOUT, new Limits(5_000_000, 100, 1L << 30, 5), work);
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    @Test
    void everyBrokenFileEndsAsARefusalWithItsReasonOrAsTextWhereReadable() throws IOException {
        Map<String, FailureReason> expected = new TreeMap<>();
        expected.put("bombs/docx-xxe-external-entity.docx", FailureReason.XML_EXTERNAL_ENTITY);
        expected.put("bombs/droste_recursive-quine.zip", FailureReason.DECOMPRESSION_BOMB);
        expected.put("bombs/quine.gz", FailureReason.DECOMPRESSION_BOMB);
        expected.put("bombs/zipbomb_1MB-to-1GB.zip", FailureReason.DECOMPRESSION_BOMB);
        expected.put("bombs/xlsx-billion-laughs-xmlbomb.xlsx", FailureReason.XML_ENTITY_EXPANSION);
        expected.put("corrupt/zip-corrupted-oom.zip", FailureReason.CORRUPT);
        expected.put("corrupt/pdf-malformed-xfa.pdf", FailureReason.CORRUPT); // nothing read, its XFA damaged
        expected.put("encrypted/pdf-microsoft-irm-protected.pdf", FailureReason.ENCRYPTED); // DRM: a placeholder
        expected.put("encrypted/7z-password-tika.7z", FailureReason.ENCRYPTED);
        expected.put("encrypted/doc-drm-protected.doc", FailureReason.ENCRYPTED);
        expected.put("encrypted/doc-password-tika.doc", FailureReason.ENCRYPTED);
        expected.put("encrypted/docx-password-pass.docx", FailureReason.ENCRYPTED);
        expected.put("encrypted/docx-password-tika.docx", FailureReason.ENCRYPTED);
        expected.put("encrypted/odt-encrypted.odt", FailureReason.ENCRYPTED);
        expected.put("encrypted/pdf-user-password-4-spaces.pdf", FailureReason.ENCRYPTED);
        expected.put("fuzzed/doc-clusterfuzz-5418937293340672.doc", FailureReason.CORRUPT);
        expected.put("fuzzed/doc-fuzzed.doc", FailureReason.CORRUPT);
        expected.put("fuzzed/docx-clusterfuzz-4791943399604224.docx", FailureReason.CORRUPT);
        expected.put("truncated/docx-truncated.docx", FailureReason.CORRUPT);
        expected.put("truncated/docx-truncated-62886.docx", FailureReason.CORRUPT);
        expected.put("truncated/empty-0-bytes.pdf", FailureReason.EMPTY);
        expected.put("wrong-extension/wordperfect42-named.doc", FailureReason.UNSUPPORTED_TYPE);
        Map<String, String> readable = Map.of(
                "encrypted/docx-editing-restricted-not-encrypted.docx", "Un due tre prova",
                "encrypted/pdf-owner-password-restrictions.pdf", "RETHINKING THE FINANCIAL NETWORK",
                "wrong-extension/docx-bytes-named.pdf", "Sample Word Document",
                "wrong-extension/pdf-bytes-named.docx", "Apache Tika",
                "wrong-extension/rtf-bytes-named.doc", "Test d’indexation Word",
                "wrong-extension/odt-bytes-named.docx", "sample Open Office document");

        // read, and nothing in it: one empty paragraph in a well-formed package (every part parses, every CRC
        // holds); what made Word crash is not damage a reader can see. Kept, flagged as without text
        List<String> withoutText = List.of("corrupt/docx-word-crash067.docx");

        Path broken = Corpus.dir().resolve("broken");
        List<Path> files;
        try (var walk = Files.walk(broken)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            String name = broken.relativize(file).toString().replace('\\', '/');
            long started = System.nanoTime();

            Extraction result = extractor.extract(file);

            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("time for %s", name).isLessThan(TIMEOUT.toMillis() + 5_000);
            if (expected.containsKey(name)) {
                assertThat(result.failure())
                        .as("failure of %s: %s", name, result)
                        .isEqualTo(expected.get(name));
                assertThat(result.reason()).as(name).isNotBlank();
            }
            if (readable.containsKey(name)) {
                assertThat(result.succeeded())
                        .as("%s: %s", name, result.reason())
                        .isTrue();
                assertThat(result.text()).as(name).contains(readable.get(name));
            }
            if (result.succeeded()) {
                assertThat(result.mediaType()).as(name).isNotEqualTo(Extraction.UNKNOWN_TYPE);
            }
            if (withoutText.contains(name)) {
                assertThat(result.withoutText()).as("%s: %s", name, result).isTrue();
            }
        }
    }

    @Test
    void archivesAreUnpackedIntoTheirFilesWithinTheLimits() throws IOException {
        Extraction zipOfZip = extractor.extract(Corpus.file("broken/bombs/zip-of-zip.zip"));
        assertThat(zipOfZip.isArchive()).as(zipOfZip.reason()).isTrue();
        assertThat(zipOfZip.members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("html-within-zip.zip/text.html");
            assertThat(Files.readString(m.file())).contains("This is just some text.");
        });
        Extraction tarball = extractor.extract(Corpus.file("broken/bombs/nested-tarball.tar"));
        assertThat(tarball.members())
                .extracting(org.verso.ingest.ArchiveMember::name)
                .containsExactly("folderContainingTgz/inner/nested.tgz/folderWithinTgz/testTXT.txt");
        Path kit = work.resolve("kit.zip");
        Files.write(
                kit,
                Archives.zip(Archives.entries(
                        "kit/rights.txt", "Everyone has the right to life, liberty and security of person.",
                        "kit/empty.txt", "")));

        Extraction unpacked = extractor.extract(kit);

        assertThat(unpacked.mediaType()).isEqualTo("application/zip");
        assertThat(unpacked.text()).isEmpty();
        assertThat(unpacked.members())
                .extracting(org.verso.ingest.ArchiveMember::name)
                .containsExactly("kit/rights.txt", "kit/empty.txt");
        assertThat(unpacked.members().get(0).file()).startsWith(work.resolve("unpacked"));
        assertThat(Files.readString(unpacked.members().get(0).file())).startsWith("Everyone has the right");
        for (String bomb : List.of("zipbomb_1MB-to-1GB.zip", "droste_recursive-quine.zip", "quine.gz")) {
            assertThat(extractor.extract(Corpus.file("broken/bombs/" + bomb)).failure())
                    .as(bomb)
                    .isEqualTo(FailureReason.DECOMPRESSION_BOMB);
        }
        assertThat(extractor
                        .extract(Corpus.file("broken/encrypted/7z-password-tika.7z"))
                        .failure())
                .isEqualTo(FailureReason.ENCRYPTED);
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        Extraction docx = extractor.extract(Corpus.file("broken/wrong-extension/docx-bytes-named.pdf"));

        assertThat(docx.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.title()).isEqualTo("Sample Word Document");
        assertThat(docx.pageCount()).isEqualTo(2);
    }

    @Test
    void legacyCyrillicComesOutReadableWithItsLanguage() {
        for (String name :
                List.of("Russian-Cyrillic.txt", "Ukrainian-Cyrillic.txt", "Belorus_Belaruski-Cyrillic.txt")) {
            Extraction text = extractor.extract(Corpus.file("udhr/legacy-encodings/" + name));
            assertThat(text.charset()).as(name).isEqualTo("windows-1251");
        }
        Extraction russian = extractor.extract(Corpus.file("udhr/legacy-encodings/Russian-Cyrillic.txt"));

        assertThat(russian.mediaType()).isEqualTo("text/plain");
        assertThat(russian.text()).contains("Всеобщая декларация прав человека");
        assertThat(russian.language()).isEqualTo("ru");
        assertThat(russian.languageConfidence()).isBetween(0.0, 1.0);
    }

    @Test
    void otherLegacyCharsetsAreDecoded() {
        assertThat(extractor
                        .extract(Corpus.file("udhr/legacy-encodings/Japanese_Nihongo-SJIS.txt"))
                        .text())
                .contains("世界人権宣言");
        assertThat(extractor
                        .extract(Corpus.file("udhr/legacy-encodings/Chinese_Mandarin-GB2312.txt"))
                        .text())
                .contains("世界人权宣言");
        assertThat(extractor
                        .extract(Corpus.file("udhr/legacy-encodings/Polish-Latin2.txt"))
                        .text())
                .contains("CZŁOWIEKA");
        assertThat(extractor
                        .extract(Corpus.file("udhr/legacy-encodings/Arabic_Alarabia-Arabic.txt"))
                        .language())
                .isEqualTo("ar");
    }

    @Test
    void charsetsThatDetectorsGetWrongComeOutReadable() {
        Extraction serbian = extractor.extract(Corpus.file("udhr/legacy-encodings/Serbian_Srpski-Latin2.txt"));
        assertThat(serbian.text())
                .contains("OPŠTA DEKLARACIJA O PRAVIMA ČOVEKA")
                .contains("Pošto je priznavanje urodjenog dostojanstva");
        assertThat(serbian.charset()).isEqualTo("windows-1250");
        // Serbian, Bosnian and Croatian in Latin script are one language to a statistical detector
        assertThat(serbian.language()).isIn("sr", "bs", "hr");

        Extraction hz = extractor.extract(Corpus.file("udhr/legacy-encodings/Chinese_Mandarin-HZ.txt"));
        assertThat(hz.text()).startsWith("世界人权宣言").contains("联合国大会一九四八年十二月十日");
        assertThat(hz.charset()).isEqualTo("hz-gb-2312");
        assertThat(hz.language()).isEqualTo("zh-Hans");

        Extraction notEbcdic = extractor.extract(Corpus.file("broken/wrong-extension/html-false-ibm420.html"));
        assertThat(notEbcdic.mediaType()).isEqualTo("text/html");
        assertThat(notEbcdic.text()).contains("Hi, Luis, good morning.").contains("Company: XXXXX Brazil");
        assertThat(notEbcdic.charset()).isNotEqualTo("ibm420");

        Extraction arabic =
                extractor.extract(Corpus.file("broken/wrong-extension/html-misleading-charset-arabic.html"));
        assertThat(arabic.text()).contains("اللغة العربية هي واحدة من أكثر اللغات انتشارا في العالم");
        assertThat(arabic.charset()).isEqualTo("windows-1256");
        assertThat(arabic.language()).isEqualTo("ar");
    }

    @Test
    void koi8AndCp866RussianAreRecognisedToo() throws IOException {
        String russian =
                Files.readString(Corpus.file("udhr/legacy-encodings/Russian-UTF8.txt"), StandardCharsets.UTF_8);
        for (String charset : List.of("KOI8-R", "IBM866")) {
            Path file = work.resolve("russian-" + charset + ".txt");
            Files.write(file, russian.getBytes(charset));

            Extraction result = extractor.extract(file);

            assertThat(result.text()).as(charset).contains("Всеобщая декларация прав человека");
        }
    }

    @Test
    void aParserThatOverrunsTheTimeLimitIsKilledAndAFreshWorkerTakesItsPlaceInTheBackground() throws IOException {
        Path big = work.resolve("big.txt");
        Files.writeString(big, "Everyone has the right to life, liberty and security of person. ".repeat(400_000));
        try (var impatient = new ChildProcessExtractor(
                1, 256, Duration.ofMillis(1), new Limits(50_000_000, 100, 1L << 30, 5), work)) {
            impatient.startWorkers();
            long first = awaitIdleWorker(impatient, -1); // started ahead of any file

            Extraction result = impatient.extract(big);

            assertThat(result.failure()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(result.reason()).contains("time limit");
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(awaitIdleWorker(impatient, first))
                    .as("replaced without waiting for the next file")
                    .isPositive();
        }
        Extraction after = extractor.extract(Corpus.file("udhr/legacy-encodings/English-Latin1.txt"));
        assertThat(after.succeeded()).isTrue();
    }

    /** Waits for an idle worker other than {@code not} and returns its process id. */
    private static long awaitIdleWorker(ChildProcessExtractor pool, long not) {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            for (long pid : pool.idleWorkerPids()) {
                if (pid != not) {
                    return pid;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no worker process came up");
    }

    @Test
    void aParserThatRunsOutOfMemoryIsReportedAndReplaced() throws IOException {
        Path big = work.resolve("huge.txt");
        Files.writeString(big, "Всеобщая декларация прав человека. ".repeat(2_200_000));
        try (var small = new ChildProcessExtractor(
                1, 256, Duration.ofSeconds(60), new Limits(100_000_000, 100, 1L << 30, 5), work)) {
            Extraction result = small.extract(big);

            assertThat(result.failure()).isEqualTo(FailureReason.OUT_OF_MEMORY);
            Path fine = work.resolve("fine.txt");
            Files.writeString(fine, "The worker that took its place reads this.");
            assertThat(small.extract(fine).text()).contains("reads this");
        }
    }
}
