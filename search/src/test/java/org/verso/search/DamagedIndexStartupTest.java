package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;

/**
 * The application starts on a data directory whose index is garbage, answers searches at once, and rebuilds the
 * index from the catalogue in the background.
 */
@SpringBootTest(classes = SearchTestApplication.class)
class DamagedIndexStartupTest {
    static final Path DATA_DIR = damagedDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    /** An index generation with a commit point and a segment file that are not Lucene's. */
    private static Path damagedDataDir() {
        try {
            Path dir = Files.createTempDirectory("verso-damaged-index-");
            Path generation = Files.createDirectories(dir.resolve("index/library/000007"));
            Files.write(generation.resolve("segments_3"), new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17, 1, 2, 3});
            Files.writeString(generation.resolve("_0.cfs"), "not a compound file");
            Files.createDirectories(dir.resolve("index/memory"));
            Files.writeString(dir.resolve("index/memory/000001"), "a file where a directory should be");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    LibraryIndex index;

    @Autowired
    Concordance concordance;

    @Autowired
    Documents documents;

    @Autowired
    SearchMaintenance maintenance;

    @Test
    void startsAnswersAndRebuildsFromTheCatalogue() throws Exception {
        assertThat(index.search(SearchQuery.of("anything")).total()).isZero();
        assertThat(concordance.search("anything", null, null, 5)).isEmpty();
        assertThat(Files.list(DATA_DIR.resolve("index/library"))
                        .map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("damaged-000007"));

        // a document catalogued while the index was being recovered is found once the check has run
        documents.create(
                new NewDocument("Numbat Convention", DocumentKind.CONVENTION, "UN", "en", 1990, Set.of()),
                new NewFile(
                        Sha256.parse("ab".repeat(32)),
                        "numbat.txt",
                        "text/plain",
                        5,
                        "en",
                        1.0,
                        null,
                        null,
                        null,
                        "numbat protection"));
        maintenance.check();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (index.search(SearchQuery.of("numbat")).total() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(index.search(SearchQuery.of("numbat")).total()).isEqualTo(1);
    }
}
