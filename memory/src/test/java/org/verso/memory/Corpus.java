package org.verso.memory;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus ({@code ../shared/corpus} beside the repository, or {@code VERSO_TEST_CORPUS}); tests that need
 * it are skipped with a message when it is absent, except under CI ({@code CI=true}) where they fail.
 */
final class Corpus {
    private Corpus() {}

    static byte[] bytes(String relative) {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        Path dir = (configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus"))
                .normalize();
        if (!Files.isDirectory(dir)) {
            String message = "the test corpus is absent at " + dir + " (set VERSO_TEST_CORPUS)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        try {
            return Files.readAllBytes(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
