package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.library.ConflictException;
import org.verso.library.DocumentId;

/** The index is derived data: whatever happened to it, the application starts, searches answer, a rebuild heals. */
class IndexRecoveryTest {
    @TempDir
    Path dir;

    private Library library(int documents) {
        Library library = new Library();
        for (int i = 0; i < documents; i++) {
            library.add(
                    "Report " + i,
                    i % 2 == 0 ? "en" : "ru",
                    "report",
                    "UN",
                    2000 + i % 20,
                    (i % 2 == 0 ? "prison monitoring visit number " : "посещение мест лишения свободы номер ") + i);
        }
        return library;
    }

    private static void awaitRebuild(LibraryIndex index) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (index.rebuildProgress().running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(index.rebuildProgress().state()).isEqualTo(RebuildProgress.State.DONE);
    }

    /**
     * The library as a rebuild reads it, with a pause after the rebuild has taken its copy of the catalogue: what
     * changes during the pause reaches the new index only as a change made during the rebuild.
     */
    private static SearchSource pausedAfterReading(Library library, CountDownLatch reading, CountDownLatch go) {
        return new SearchSource() {
            @Override
            public long count() {
                return library.count();
            }

            @Override
            public Stream<DocumentId> documentIds() {
                return library.documentIds();
            }

            @Override
            public java.util.Optional<SearchableDocument> document(DocumentId id) {
                return library.document(id);
            }

            @Override
            public void forEach(java.util.function.Consumer<SearchableDocument> action) {
                List<SearchableDocument> read = library.documents().toList();
                reading.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                read.forEach(action);
            }
        };
    }

    private Path generation() throws IOException {
        try (Stream<Path> children = Files.list(dir.resolve("library"))) {
            return children.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private void buildAndClose(Library library) {
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            try (var batch = index.batch()) {
                library.documents().forEach(d -> batch.add(d, library.translationsOf(d.documentId())));
            }
        }
    }

    @Test
    void aMissingIndexStartsEmptyAndIsRebuiltFromTheCatalogue() throws Exception {
        Library library = library(50);
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir.resolve("not-there-yet")))) {
            assertThat(index.needsRebuild()).isEqualTo("index-missing");
            assertThat(index.search(SearchQuery.of("prison")).total()).isZero();

            assertThat(index.checkAgainst(library, library)).isTrue();
            awaitRebuild(index);

            assertThat(index.search(SearchQuery.of("prison")).total()).isEqualTo(25);
            assertThat(index.rebuildProgress().done()).isEqualTo(50);
            assertThat(index.rebuildProgress().reason()).isEqualTo("index-missing");
        }
    }

    @Test
    void anIndexThatAgreesWithTheCatalogueIsKeptAsItIs() {
        Library library = library(20);
        buildAndClose(library);

        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            assertThat(index.needsRebuild()).isNull();
            assertThat(index.checkAgainst(library, library)).isFalse();
            assertThat(index.search(SearchQuery.of("prison")).total()).isEqualTo(10);
        }
    }

    @Test
    void anIndexThatDisagreesWithTheCatalogueIsRebuilt() throws Exception {
        Library library = library(20);
        buildAndClose(library);
        library.add("Added while the application was down", "en", "report", "UN", 2024, "prison");

        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            assertThat(index.checkAgainst(library, library)).isTrue();
            awaitRebuild(index);
            assertThat(index.rebuildProgress().reason()).isEqualTo("catalogue-mismatch");
            assertThat(index.search(SearchQuery.of("prison")).total()).isEqualTo(11);
        }
    }

    interface Damage {
        void apply(Path generation) throws IOException;
    }

    private void startsAndHealsAfter(Damage damage) throws Exception {
        Library library = library(30);
        buildAndClose(library);
        damage.apply(generation());

        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            assertThat(index.needsRebuild()).isNotNull();
            assertThat(index.search(SearchQuery.of("prison")).total()).isZero();
            index.checkAgainst(library, library);
            awaitRebuild(index);
            assertThat(index.search(SearchQuery.of("prison")).total()).isEqualTo(15);
        }
        try (LibraryIndex reopened = new LibraryIndex(SearchProperties.defaults(dir))) {
            assertThat(reopened.needsRebuild()).isNull();
            assertThat(reopened.search(SearchQuery.of("prison")).total()).isEqualTo(15);
        }
    }

    @Test
    void garbageInTheMiddleOfTheLargestFile() throws Exception {
        startsAndHealsAfter(generation -> {
            Path largest;
            try (Stream<Path> files = Files.list(generation)) {
                largest = files.max(Comparator.comparingLong(p -> p.toFile().length()))
                        .orElseThrow();
            }
            try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
                file.seek(file.length() / 2);
                file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        });
    }

    @Test
    void aTruncatedCommitPoint() throws Exception {
        startsAndHealsAfter(generation -> {
            try (Stream<Path> files = Files.list(generation)) {
                for (Path segments : files.filter(
                                p -> p.getFileName().toString().startsWith("segments_"))
                        .toList()) {
                    try (RandomAccessFile file = new RandomAccessFile(segments.toFile(), "rw")) {
                        file.setLength(file.length() / 2);
                    }
                }
            }
        });
    }

    @Test
    void aDeletedSegmentFile() throws Exception {
        startsAndHealsAfter(generation -> {
            try (Stream<Path> files = Files.list(generation)) {
                Files.delete(files.filter(p -> !p.getFileName().toString().startsWith("segments_")
                                && !p.getFileName().toString().equals("write.lock"))
                        .findFirst()
                        .orElseThrow());
            }
        });
    }

    @Test
    void aFileWhereTheIndexDirectoryShouldBe() throws Exception {
        startsAndHealsAfter(generation -> {
            try (Stream<Path> files = Files.walk(generation)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.writeString(generation, "not an index");
        });
    }

    @Test
    void anUnusableIndexDirectoryFallsBackToMemory() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file, not a directory");
        Library library = library(10);

        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(blocked))) {
            assertThat(index.needsRebuild()).isEqualTo("index-unavailable");
            index.checkAgainst(library, library);
            awaitRebuild(index);
            assertThat(index.search(SearchQuery.of("prison")).total()).isEqualTo(5);
        }
    }

    @Test
    void searchKeepsAnsweringAndChangesAreKeptWhileARebuildRuns() throws Exception {
        Library library = library(3000);
        buildAndClose(library);
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger searches = new AtomicInteger();
            Thread searcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        assertThat(index.search(SearchQuery.of("prison")).total())
                                .isGreaterThanOrEqualTo(1500);
                        searches.incrementAndGet();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                }
            });
            searcher.start();

            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            RebuildProgress started = index.rebuild(pausedAfterReading(library, reading, go), library, "admin");
            assertThat(started.running()).isTrue();
            assertThat(index.rebuild(library, library, "admin again").reason()).isEqualTo("admin");
            reading.await();
            SearchableDocument during = Library.document("During", "en", "report", "UN", 2024, "prison escape");
            // catalogued and indexed after the rebuild has read the catalogue
            library.documents.put(during.documentId(), during);
            index.index(during);
            DocumentId gone = library.documentIds().findFirst().orElseThrow();
            library.documents.remove(gone);
            index.delete(gone);
            go.countDown();
            awaitRebuild(index);
            searcher.interrupt();
            searcher.join();

            assertThat(failure.get()).isNull();
            assertThat(searches.get()).isPositive();
            assertThat(index.search(SearchQuery.of("escape")).total()).isEqualTo(1);
            assertThat(index.documentCount()).isEqualTo(3000);
        }
    }

    @Test
    void aFailedRebuildLeavesTheCurrentIndexInUse() throws Exception {
        Library library = library(10);
        buildAndClose(library);
        SearchSource failing = new SearchSource() {
            @Override
            public long count() {
                return 10;
            }

            @Override
            public Stream<DocumentId> documentIds() {
                return library.documentIds();
            }

            @Override
            public java.util.Optional<SearchableDocument> document(DocumentId id) {
                return library.document(id);
            }

            @Override
            public void forEach(java.util.function.Consumer<SearchableDocument> action) {
                library.documents().limit(3).forEach(action);
                throw new IllegalStateException("database went away");
            }
        };
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            index.rebuild(failing, null, "admin");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (index.rebuildProgress().running() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(index.rebuildProgress().state()).isEqualTo(RebuildProgress.State.FAILED);
            assertThat(index.rebuildProgress().error()).contains("database went away");
            assertThat(index.search(SearchQuery.of("prison")).total()).isEqualTo(5);
        }
        try (LibraryIndex reopened = new LibraryIndex(SearchProperties.defaults(dir))) {
            assertThat(reopened.needsRebuild()).isNull();
            assertThat(reopened.documentCount()).isEqualTo(10);
        }
    }

    @Test
    void aRebuildNeedsACatalogue() {
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            assertThatThrownBy(() -> index.rebuild(null, null, "admin"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("no catalogue");
        }
    }

    @Test
    void keepsTranslationsFromTheTranslationSourceInARebuild() throws Exception {
        Library library = library(4);
        SearchableDocument first = library.documents().findFirst().orElseThrow();
        library.translate(new SearchableTranslation(
                first.documentId(), "fr", TranslationStatus.APPROVED, "Rapport", "contrôle des lieux de détention"));
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            index.rebuild(library, library, "admin");
            awaitRebuild(index);
            var hits = index.search(SearchQuery.of("lieux")).hits();
            assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.translations())
                    .extracting(SearchResult.TranslationHit::language)
                    .isEqualTo(List.of("fr")));
        }
    }

    @Test
    void aDocumentChangedDuringARebuildKeepsTheTranslationsTheSourceHolds() throws Exception {
        Library library = library(4);
        SearchableDocument first = library.documents().findFirst().orElseThrow();
        library.translate(new SearchableTranslation(
                first.documentId(), "fr", TranslationStatus.APPROVED, "Rapport", "contrôle des lieux de détention"));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        SearchSource slow = pausedAfterReading(library, reading, changed);
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir))) {
            index.index(first); // the live index lacks the translation: what the rebuild is for
            index.rebuild(slow, library, "translations-mismatch");
            reading.await();
            index.index(first); // a correction of the document, announced while the rebuild reads
            changed.countDown();
            awaitRebuild(index);

            var hits = index.search(SearchQuery.of("lieux")).hits();
            assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.translations())
                    .extracting(SearchResult.TranslationHit::language)
                    .isEqualTo(List.of("fr")));
        }
    }
}
