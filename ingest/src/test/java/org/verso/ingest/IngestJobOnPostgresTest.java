package org.verso.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.DocumentId;
import org.verso.library.testing.Postgres;

/** The ingest job, its tables and the job repository on the real PostgreSQL (a fresh schema). */
class IngestJobOnPostgresTest extends IngestJobContract {
    private static final int SHARED_FILES = 12;

    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }

    @Test
    void twoImportsOfTheSameBytesAtOnceMakeOneEntryEachAndTheOtherSaysDuplicate() throws Exception {
        // given: two folders with the same files (new bytes), imported by two jobs running at the same moment, as
        // two application instances on one database would
        List<Path> folders = new ArrayList<>();
        for (String name : List.of("race-a", "race-b")) {
            folders.add(Files.createDirectories(DATA.resolve("import").resolve(name)));
        }
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < SHARED_FILES; i++) {
            String text = "Everyone has the right to a fair hearing, file " + i + " of run " + run + ".";
            for (Path folder : folders) {
                Files.writeString(folder.resolve(String.format("same-%02d.txt", i)), text, StandardCharsets.UTF_8);
            }
        }
        List<UUID> batches = new ArrayList<>();
        for (Path folder : folders) {
            batches.add(jobs.createFolderBatch(folder, BatchSource.FOLDER, null, "tester"));
        }
        long documentsBefore = documents.count();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<BatchStatus>> runs = new ArrayList<>();

        // when
        try {
            for (UUID batch : batches) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return jobs.run(batch);
                }));
            }
            start.countDown();
            for (Future<BatchStatus> r : runs) {
                assertThat(r.get(5, TimeUnit.MINUTES)).isEqualTo(BatchStatus.COMPLETED);
            }
        } finally {
            threads.shutdownNow();
        }

        // then: every file once in the catalogue; for each pair, one ingested and the other a duplicate of it
        assertThat(documents.count()).isEqualTo(documentsBefore + SHARED_FILES);
        JobProgress a = jobs.progress(batches.get(0));
        JobProgress b = jobs.progress(batches.get(1));
        assertThat(a.failed() + b.failed()).isZero();
        assertThat(a.ingested() + b.ingested()).isEqualTo(SHARED_FILES);
        assertThat(a.duplicates() + b.duplicates()).isEqualTo(SHARED_FILES);
        for (int i = 0; i < SHARED_FILES; i++) {
            String name = String.format("same-%02d.txt", i);
            IngestItem first = item(a, name);
            IngestItem second = item(b, name);
            assertThat(List.of(first.outcome(), second.outcome()))
                    .as(name)
                    .containsExactlyInAnyOrder(ItemOutcome.INGESTED, ItemOutcome.DUPLICATE);
            IngestItem duplicate = first.outcome() == ItemOutcome.DUPLICATE ? first : second;
            DocumentId owner = (first.outcome() == ItemOutcome.INGESTED ? first : second).documentId();
            assertThat(duplicate.documentId()).isEqualTo(owner);
            assertThat(duplicate.reason()).startsWith("Duplicate of").contains(owner.toString());
            assertThat(documents.ownerOf(duplicate.sha256())).contains(owner);
        }
    }
}
