package org.verso.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the tests that need the catalogue: one H2 file database in a temp dir, shared by the test classes. */
@SpringBootTest(classes = LibraryTestApplication.class)
abstract class LibraryTest {
    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("verso-library-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
