package org.verso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees a benchmark made for itself. */
public final class Trees {
    private Trees() {}

    /**
     * A new temporary directory that is deleted with everything under it when the JVM exits: a benchmark's H2 files
     * run to gigabytes, and a run stopped half-way must not leave them behind either.
     */
    public static Path temporary(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(dir);
            } catch (IOException | RuntimeException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }));
        return dir;
    }

    /** Deletes a directory and everything under it, as far as it can; nothing when it is gone already. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
