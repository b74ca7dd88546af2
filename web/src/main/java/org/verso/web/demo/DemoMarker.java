package org.verso.web.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The file that makes a directory the demo's: written into a new or empty directory before anything else, it says
 * whether the demo library was seeded. A directory that holds anything but no marker is somebody's data, and the demo
 * refuses it without writing a byte.
 */
final class DemoMarker {
    static final String FILE = ".verso-demo";
    private static final String NEW = "new";
    private static final String SEEDED = "seeded";

    private DemoMarker() {}

    /**
     * Makes {@code dir} the demo's when it is absent or empty; accepts it when it holds the marker.
     *
     * @throws DemoDirectoryRefused when it is a file, or holds anything without the marker (nothing is written)
     */
    static void claim(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new DemoDirectoryRefused(dir + " is a file, not a directory.");
            }
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return;
            }
            if (Files.isDirectory(dir) && !empty(dir)) {
                throw new DemoDirectoryRefused(dir + " holds data but no demo marker (" + FILE
                        + "): it is not the demo's directory, and the demo never touches a real data directory."
                        + " Choose another with VERSO_DEMO_DIR, or an empty one.");
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), NEW, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the demo directory " + dir, e);
        }
    }

    /** Whether the demo library in {@code dir} was seeded to its end. */
    static boolean seeded(Path dir) {
        try {
            return Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8)
                    .strip()
                    .equals(SEEDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void markSeeded(Path dir) {
        try {
            Files.writeString(dir.resolve(FILE), SEEDED, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The demo will not start on this directory. */
    static final class DemoDirectoryRefused extends IllegalStateException {
        DemoDirectoryRefused(String message) {
            super("Demo mode refused: " + message);
        }
    }
}
