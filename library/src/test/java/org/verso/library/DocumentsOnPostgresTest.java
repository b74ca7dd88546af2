package org.verso.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.library.testing.Postgres;

/** The catalogue, and the migrations that make its tables, on the real PostgreSQL (a fresh schema). */
class DocumentsOnPostgresTest extends DocumentsContract {
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }

    @Test
    void runsOnPostgres() {
        assertThat(db.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void twoTransactionsCataloguingTheSameBytesAtOnceMakeOneEntryAndAConflict() throws Exception {
        NewFile file = file("Both imports read this at the same moment.", "same.txt", "en");
        String marker = "race " + java.util.UUID.randomUUID();
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Document> first = threads.submit(() -> transactions.execute(status -> {
                Document d = documents.create(new NewDocument(marker + " first", null, null, null, null, null), file);
                firstInserted.countDown();
                sleep(1000); // the second transaction now waits on the file's key
                return d;
            }));
            assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Throwable> second = threads.submit(() -> {
                try {
                    transactions.executeWithoutResult(status ->
                            documents.create(new NewDocument(marker + " second", null, null, null, null, null), file));
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });

            Document winner = first.get(30, TimeUnit.SECONDS);
            Throwable loser = second.get(30, TimeUnit.SECONDS);

            assertThat(loser).isInstanceOf(ConflictException.class);
            assertThat(((ConflictException) loser).code()).isEqualTo("file-already-catalogued");
            assertThat(documents.ownerOf(file.sha256())).contains(winner.id());
            List<String> titles = new ArrayList<>();
            documents.forEach(d -> titles.add(d.title()));
            assertThat(titles).contains(marker + " first").doesNotContain(marker + " second");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void cataloguingBytesAnotherTransactionCataloguesAtTheSameMomentAnswersDuplicateAndTheCallersWorkGoesOn()
            throws Exception {
        NewFile file = file("Two imports catalogue this at once.", "once.txt", "en");
        String marker = "catalogue race " + java.util.UUID.randomUUID();
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Catalogued> first = threads.submit(() -> transactions.execute(status -> {
                Catalogued c = documents.catalogue(file, new NewDocument(marker, null, null, null, null, null), null);
                firstInserted.countDown();
                sleep(1000); // the second transaction now waits on the file's key
                return c;
            }));
            assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Long> second = threads.submit(() -> transactions.execute(status -> {
                Catalogued c = documents.catalogue(
                        file, new NewDocument(marker + " second", null, null, null, null, null), null);
                assertThat(c).isInstanceOf(Catalogued.DuplicateOf.class);
                // the caller's transaction is still usable after the savepoint was rolled back
                return db.sql("SELECT COUNT(*) FROM library_document")
                        .query(Long.class)
                        .single();
            }));

            Document winner = ((Catalogued.Created) first.get(30, TimeUnit.SECONDS)).document();
            assertThat(second.get(30, TimeUnit.SECONDS)).isPositive();
            assertThat(documents.holderOf(file.sha256())).contains(new Catalogued.DuplicateOf(winner.id(), marker));
        } finally {
            threads.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
