package org.verso.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus: {@code VERSO_TEST_CORPUS}, else {@code ../shared/corpus} from the project root. */
public final class Corpus {
    private Corpus() {}

    /** The corpus folder; skips the test when it is absent, except on CI where that fails it. */
    public static Path dir() {
        String env = System.getenv("VERSO_TEST_CORPUS");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared", "corpus");
        boolean present = Files.isDirectory(dir.resolve("broken"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("The test corpus is missing at " + dir.toAbsolutePath() + " (CI=true)");
        }
        assumeTrue(present, "The test corpus is absent at " + dir.toAbsolutePath() + "; skipping");
        return dir;
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
