package org.verso.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders ingest uses, with the defaults under {@code verso.data-dir} applied.
 *
 * @param allowedRoots the folders a folder import may read (their real paths)
 * @param inbox the watched inbox
 * @param workDir ingest's working folder
 */
public record IngestPaths(List<Path> allowedRoots, Path inbox, Path workDir) {

    public static IngestPaths of(IngestProperties properties, Path dataDir) {
        List<Path> roots =
                properties.allowedRoots().isEmpty() ? List.of(dataDir.resolve("import")) : properties.allowedRoots();
        Path inbox = properties.inbox() != null ? properties.inbox() : dataDir.resolve("inbox");
        Path work = properties.workDir() != null ? properties.workDir() : dataDir.resolve("ingest");
        try {
            for (Path root : roots) {
                Files.createDirectories(root);
            }
            Files.createDirectories(work);
            return new IngestPaths(
                    roots.stream().map(IngestPaths::real).toList(),
                    inbox.toAbsolutePath().normalize(),
                    work.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ingest folders under " + dataDir, e);
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
