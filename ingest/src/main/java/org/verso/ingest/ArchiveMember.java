package org.verso.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file unpacked from an archive, waiting to be ingested as a file of its own.
 *
 * @param name its path inside the archive (through nested archives: {@code inner.zip/report.docx}); {@code null} for
 *     the content of a gzip or bzip2 file that does not say its name
 * @param file where its bytes were written, a numbered file in a scratch folder (never named after the archive's
 *     names); whoever receives it removes it
 */
public record ArchiveMember(String name, Path file) {
    public ArchiveMember {
        Objects.requireNonNull(file, "file");
    }
}
