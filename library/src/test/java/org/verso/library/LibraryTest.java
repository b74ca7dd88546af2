package org.verso.library;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** Base of the tests that need the catalogue: one H2 file database in a temp dir, shared by the test classes. */
@SpringBootTest(classes = LibraryTestApplication.class)
abstract class LibraryTest {
    static final Path DATA_DIR = TempDirs.create("verso-library-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }
}
