package org.verso.library.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary directories for tests, made where a checked exception cannot be thrown (static fields). */
public final class TempDirs {
    private TempDirs() {}

    /** A new empty directory in the system's temporary directory, its name starting with {@code prefix}. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
