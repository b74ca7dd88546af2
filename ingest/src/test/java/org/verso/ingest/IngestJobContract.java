package org.verso.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.verso.library.Document;
import org.verso.library.DocumentIngested;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.ForbiddenOperationException;
import org.verso.library.InvalidInputException;
import org.verso.library.testing.TempDirs;

/** The ingest job end to end, run on H2 ({@link IngestJobTest}) and on PostgreSQL ({@link IngestJobOnPostgresTest}). */
@SpringBootTest(classes = IngestTestApplication.class)
@Import(IngestJobContract.Events.class)
abstract class IngestJobContract {
    static final Path DATA = TempDirs.create("verso-ingest-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA::toString);
    }

    @TestConfiguration
    static class Events {
        final List<DocumentIngested> committed = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void ingested(DocumentIngested event) {
            committed.add(event);
        }
    }

    @Autowired
    IngestJobs jobs;

    @Autowired
    Documents documents;

    @Autowired
    FileStore store;

    @Autowired
    Events events;

    Path importFolder(String name, String... corpusFiles) throws IOException {
        Path folder = DATA.resolve("import").resolve(name);
        Files.createDirectories(folder.resolve("sub"));
        for (int i = 0; i < corpusFiles.length; i++) {
            Path source = Corpus.file(corpusFiles[i]);
            Path target = (i % 2 == 0 ? folder : folder.resolve("sub")).resolve(source.getFileName());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    @Test
    void importsAFolderIntoTheCatalogueAndSaysDuplicateOnTheSecondRun() throws IOException {
        Path folder = importFolder(
                "first-" + UUID.randomUUID(), // the H2 and PostgreSQL runs share the data folder
                "office/docx/testWORD.docx",
                "udhr/legacy-encodings/Russian-Cyrillic.txt",
                "broken/encrypted/docx-password-tika.docx",
                "broken/truncated/empty-0-bytes.pdf");
        Files.copy(Corpus.file("office/docx/testWORD.docx"), folder.resolve("sub/copy-of-word.docx"));
        Files.writeString(folder.resolve(".hidden.txt"), "not for import");
        long documentsBefore = documents.count();

        JobProgress queued = jobs.importFolder(folder, null, "tester");
        JobProgress done = awaitFinished(queued.id());

        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.total()).isEqualTo(5);
        assertThat(done.done()).isEqualTo(5);
        assertThat(done.ingested()).isEqualTo(2);
        assertThat(done.duplicates()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(2);
        assertThat(documents.count()).isEqualTo(documentsBefore + 2);
        IngestItem russian = item(done, "Russian-Cyrillic.txt");
        assertThat(russian.outcome()).isEqualTo(ItemOutcome.INGESTED);
        Document doc = documents.get(russian.documentId());
        assertThat(doc.sourceLanguage()).isEqualTo("ru");
        assertThat(doc.title()).isEqualTo("Russian-Cyrillic");
        assertThat(documents.text(doc.id()).orElseThrow()).contains("Всеобщая декларация прав человека");
        assertThat(doc.files().get(0).charset()).isEqualTo("windows-1251");
        try (var in = store.open(russian.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(folder.resolve("sub/Russian-Cyrillic.txt")));
        }
        assertThat(item(done, "docx-password-tika.docx").reasonCode()).isEqualTo("encrypted");
        assertThat(item(done, "docx-password-tika.docx").reason()).contains("password");
        assertThat(item(done, "empty-0-bytes.pdf").reasonCode()).isEqualTo("empty");
        IngestItem copy = item(done, "copy-of-word.docx"); // listed before testWORD.docx: sub/ sorts first
        IngestItem word = item(done, "testWORD.docx");
        assertThat(copy.outcome()).isEqualTo(ItemOutcome.INGESTED);
        assertThat(word.outcome()).isEqualTo(ItemOutcome.DUPLICATE);
        assertThat(word.reason()).startsWith("Duplicate of “Sample Word Document”");
        assertThat(word.documentId()).isEqualTo(copy.documentId());
        assertThat(events.committed)
                .extracting(DocumentIngested::documentId)
                .contains(russian.documentId(), copy.documentId());

        JobProgress again =
                awaitFinished(jobs.importFolder(folder, null, "tester").id());

        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.ingested()).isZero();
        assertThat(again.failed()).isEqualTo(2);
        assertThat(documents.count()).isEqualTo(documentsBefore + 2);
    }

    @Test
    void aFileWithNoTextIsKeptButFlaggedAndOneFromWhichNothingCouldBeReadFails() throws IOException {
        Path folder = importFolder(
                "no-text-" + UUID.randomUUID(),
                "office/pdf/blank-page.pdf",
                "broken/corrupt/pdf-malformed-xfa.pdf",
                "broken/encrypted/pdf-microsoft-irm-protected.pdf");

        JobProgress done =
                awaitFinished(jobs.importFolder(folder, null, "tester").id());

        IngestItem blank = item(done, "blank-page.pdf");
        assertThat(blank.outcome()).isEqualTo(ItemOutcome.INGESTED);
        assertThat(blank.reasonCode()).isEqualTo("no-text");
        assertThat(blank.reason()).startsWith("No text could be read");
        assertThat(documents.get(blank.documentId()).files()).singleElement().satisfies(f -> {
            assertThat(f.withoutText()).isTrue();
            assertThat(f.textFromOcr()).isFalse();
        });
        IngestItem damaged = item(done, "pdf-malformed-xfa.pdf");
        assertThat(damaged.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(damaged.reasonCode()).isEqualTo("corrupt");
        assertThat(damaged.documentId()).isNull();
        IngestItem drm = item(done, "pdf-microsoft-irm-protected.pdf");
        assertThat(drm.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(drm.reasonCode()).isEqualTo("encrypted");
        assertThat(drm.reason()).contains("DRM");
        assertThat(done.ingested()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(2);
    }

    @Test
    void uploadsAttachedToOneDocumentMakeAKit() {
        Document kit = documents.get(awaitFinished(jobs.upload(
                                List.of(upload(
                                        "brochure-1.txt",
                                        "Police ethics. Brochure one of the kit. " + UUID.randomUUID())),
                                null,
                                "tester")
                        .id())
                .items()
                .get(0)
                .documentId());

        JobProgress second = awaitFinished(jobs.upload(
                        List.of(
                                upload("brochure-2.txt", "Brochure two. " + UUID.randomUUID()),
                                upload("brochure-3.txt", "Brochure three. " + UUID.randomUUID())),
                        kit.id(),
                        "tester")
                .id());

        assertThat(second.ingested()).isEqualTo(2);
        assertThat(documents.get(kit.id()).files())
                .extracting(f -> f.originalName())
                .containsExactly("brochure-1.txt", "brochure-2.txt", "brochure-3.txt");
        assertThat(events.committed)
                .filteredOn(e -> e.documentId().equals(kit.id()))
                .extracting(DocumentIngested::newDocument)
                .containsExactly(true, false, false);
    }

    @Test
    void aFailedFileCanBeRetried() {
        JobProgress failed = awaitFinished(jobs.upload(
                        List.of(new Upload(
                                "locked.docx", open(Corpus.file("broken/encrypted/docx-password-pass.docx")))),
                        null,
                        "tester")
                .id());
        IngestItem item = failed.items().get(0);
        assertThat(item.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(item.sha256()).as("the refused original is kept").isNotNull();

        JobProgress retried = awaitFinished(jobs.retry(item.id(), "tester").id());

        assertThat(retried.source()).isEqualTo(BatchSource.RETRY);
        assertThat(retried.items().get(0).reasonCode()).isEqualTo("encrypted");
        assertThat(jobs.historyOf(item.sha256())).hasSize(2);
        assertThatThrownBy(() -> jobs.retry(
                        awaitFinished(jobs.upload(
                                                List.of(upload("fine.txt", "Fine text " + UUID.randomUUID())),
                                                null,
                                                "t")
                                        .id())
                                .items()
                                .get(0)
                                .id(),
                        "tester"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void foldersOutsideTheAllowedRootsAreRefused() throws IOException {
        Path outside = Files.createTempDirectory("verso-outside");

        assertThatThrownBy(() -> jobs.importFolder(outside, null, "tester"))
                .isInstanceOf(ForbiddenOperationException.class)
                .hasMessageContaining("only read folders under");
        Files.createDirectories(DATA.resolve("elsewhere"));
        assertThatThrownBy(() -> jobs.importFolder(DATA.resolve("import/../elsewhere"), null, "tester"))
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> jobs.importFolder(DATA.resolve("import/missing"), null, "tester"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Autowired
    org.verso.ingest.internal.batch.IngestRows rows;

    @Test
    void anArchiveIsStoredAndEachOfItsFilesIsIngestedAsAFileOfTheSameJob() throws IOException {
        String run = UUID.randomUUID().toString();
        byte[] inner =
                org.verso.ingest.internal.extract.Archives.zip(org.verso.ingest.internal.extract.Archives.entries(
                        "annex.txt", "Annex to the kit " + run + ": the complaint form."));
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(
                "kit/brochure.txt",
                ("Know your rights " + run + ". Everyone has the right to life.").getBytes(StandardCharsets.UTF_8));
        entries.put(
                "kit/letter.txt",
                ("Dear coordinator " + run + ", the kit is attached.").getBytes(StandardCharsets.UTF_8));
        entries.put("kit/inner.zip", inner);
        entries.put("kit/empty.txt", new byte[0]);
        byte[] zip = org.verso.ingest.internal.extract.Archives.zip(entries);
        Path folder = DATA.resolve("import").resolve("archive-" + run);
        Files.createDirectories(folder);
        Files.write(folder.resolve("kit.zip"), zip);

        JobProgress done =
                awaitFinished(jobs.importFolder(folder, null, "tester").id());

        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.items())
                .extracting(IngestItem::name, IngestItem::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kit.zip", ItemOutcome.UNPACKED),
                        org.assertj.core.groups.Tuple.tuple("kit/brochure.txt", ItemOutcome.INGESTED),
                        org.assertj.core.groups.Tuple.tuple("kit/letter.txt", ItemOutcome.INGESTED),
                        org.assertj.core.groups.Tuple.tuple("kit/inner.zip/annex.txt", ItemOutcome.INGESTED),
                        org.assertj.core.groups.Tuple.tuple("kit/empty.txt", ItemOutcome.FAILED));
        IngestItem archive = item(done, "kit.zip");
        assertThat(archive.reason()).isEqualTo("Unpacked: 4 files follow in this job.");
        assertThat(archive.documentId()).isNull();
        try (var in = store.open(archive.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(zip); // the archive itself is kept
        }
        IngestItem annex = item(done, "kit/inner.zip/annex.txt");
        Document annexDoc = documents.get(annex.documentId());
        assertThat(annexDoc.files().get(0).originalName()).isEqualTo("annex.txt");
        assertThat(documents.text(annexDoc.id()).orElseThrow()).contains("Annex to the kit " + run);
        assertThat(item(done, "kit/empty.txt").reasonCode()).isEqualTo("empty");
        assertThat(item(done, "kit/brochure.txt").documentId())
                .isNotEqualTo(item(done, "kit/letter.txt").documentId());
        assertThat(DATA.resolve("ingest/unpacked")).isEmptyDirectory(); // the unpacked copies are gone

        JobProgress again =
                awaitFinished(jobs.importFolder(folder, null, "tester").id());

        assertThat(again.items())
                .extracting(IngestItem::outcome)
                .containsExactly(
                        ItemOutcome.UNPACKED,
                        ItemOutcome.DUPLICATE,
                        ItemOutcome.DUPLICATE,
                        ItemOutcome.DUPLICATE,
                        ItemOutcome.FAILED);
        // an archive read again after an interruption does not add its files a second time
        assertThat(rows.addMembers(done.id(), archive.id(), List.of())).isEqualTo(4);
        assertThat(jobs.progress(done.id()).total()).isEqualTo(5);
    }

    JobProgress awaitFinished(UUID id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JobProgress p = jobs.progress(id);
            if (p.finished()) {
                return p;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish: " + jobs.progress(id));
    }

    static IngestItem item(JobProgress progress, String fileName) {
        return progress.items().stream()
                .filter(i -> i.name().endsWith(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + fileName + " in " + progress.items()));
    }

    private static Upload upload(String name, String text) {
        return new Upload(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
