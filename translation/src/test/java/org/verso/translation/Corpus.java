package org.verso.translation;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus ({@code ../shared/corpus} beside the repository, or {@code VERSO_TEST_CORPUS}). Tests that
 * need it are skipped, with a message saying so, when it is absent, except under CI ({@code CI=true}) where they fail.
 */
final class Corpus {
    private Corpus() {}

    static Path dir() {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus");
        dir = dir.normalize();
        if (!Files.isDirectory(dir)) {
            String message = "the test corpus is absent at " + dir + " (set VERSO_TEST_CORPUS)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        return dir;
    }

    static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail("the corpus lacks " + file);
        }
        return file;
    }

    static List<Path> files(String folder, String... extensions) {
        try (Stream<Path> files = Files.list(dir().resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> extensions.length == 0
                            || Stream.of(extensions)
                                    .anyMatch(e -> f.toString().toLowerCase().endsWith(e)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
