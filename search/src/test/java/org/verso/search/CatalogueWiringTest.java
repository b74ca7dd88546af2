package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.CorrectDocument;
import org.verso.library.Document;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.library.testing.TempDirs;

/** Search wired to the real catalogue: it indexes what ingest announces and heals when the two disagree. */
@SpringBootTest(classes = SearchTestApplication.class)
class CatalogueWiringTest {
    static final Path DATA_DIR = TempDirs.create("verso-search-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    @Autowired
    Documents documents;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LibraryIndex index;

    @Autowired
    SearchMaintenance maintenance;

    private Document ingest(String title, String language, String text) {
        Sha256 sha = Sha256.of(sha(title + text));
        Document document = documents.create(
                new NewDocument(title, DocumentKind.CHARTER, "Council of Europe", language, 2001, Set.of("police")),
                new NewFile(
                        sha, title + ".txt", "text/plain", text.length(), language, 0.99, null, "UTF-8", null, text));
        events.publishEvent(new DocumentIngested(document.id(), sha, title + ".txt", "text/plain", language, true));
        return document;
    }

    private static byte[] sha(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long awaitTotal(String query, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long total;
        while ((total = index.search(SearchQuery.of(query)).total()) != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return total;
    }

    private void awaitRebuild() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (maintenance.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * Searchable without a rebuild or an explicit refresh: the catalogue's event indexes it and the background refresh
     * shows it at most {@code verso.search.refresh-interval} later (10 ms – 1 s); no time is asserted, a busy build
     * machine would break it.
     */
    @Test
    void anIngestedDocumentBecomesSearchableFromTheCataloguesEvent() throws Exception {
        Document document = ingest("European Code of Police Ethics", "en", "The police shall respect human dignity.");
        assertThat(awaitTotal("ethics", 1)).isEqualTo(1);

        SearchResult.Hit hit = index.search(SearchQuery.of("ethics")).hits().get(0);
        assertThat(hit.documentId()).isEqualTo(document.id().toString());
        assertThat(hit.kind()).isEqualTo("charter");
        assertThat(hit.issuingBody()).isEqualTo("Council of Europe");
        assertThat(hit.files()).extracting(SearchableFile::name).containsExactly("European Code of Police Ethics.txt");
    }

    @Test
    void aBurstOfIngestedDocumentsIsAllIndexed() throws Exception {
        for (int i = 0; i < 60; i++) {
            ingest("Burst report " + i, "en", "echidna burst number " + i);
        }

        assertThat(awaitTotal("echidna", 60)).isEqualTo(60);
    }

    @Test
    void aCorrectedDocumentIsReindexed() throws Exception {
        Document document = ingest("Polizeigesetz", "de", "Die Polizei achtet die Würde des Menschen.");
        assertThat(awaitTotal("Würde", 1)).isEqualTo(1);

        documents.correct(
                document.id(),
                new CorrectDocument("Gesetz über unmittelbaren Zwang", null, null, null, null, false, null));

        assertThat(awaitTotal("title:zwang", 1)).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("title:polizeigesetz")).total()).isZero();
    }

    @Test
    void theCheckRebuildsAnIndexThatLostDocuments() throws Exception {
        Document document = ingest("Rotterdam Charter", "en", "Policing in a multi-ethnic society.");
        assertThat(awaitTotal("multi-ethnic", 1)).isEqualTo(1);
        awaitRebuild(); // the start-up check of an empty index may still run
        index.delete(document.id());

        assertThat(maintenance.check()).isTrue();

        awaitRebuild();
        assertThat(awaitTotal("multi-ethnic", 1)).isEqualTo(1);
        assertThat(maintenance.progress().reason()).isEqualTo("catalogue-mismatch");
        assertThat(index.documentCount()).isEqualTo(documents.count());
    }
}
