package org.verso.ingest.internal.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.verso.ingest.ArchiveMember;
import org.verso.ingest.FailureReason;

/**
 * Unpacks an archive (ZIP, 7z, tar, gzip and bzip2, so tar.gz too) inside a worker process, so that each member can be
 * ingested as a file of its own. Members are written to a fresh folder under the scratch folder and named by number:
 * a name inside the archive never becomes a path. An archive inside an archive is unpacked in turn, its members named
 * by their path through both. Everything written counts against the limits the container guard applies (total size,
 * ratio to the archive's size, nesting depth), and against a cap on the number of members; passing one refuses the
 * whole archive and removes what was written. Not thread-safe: one archive at a time.
 */
final class ArchiveUnpacker {
    /** The types unpacked; other archive types (RAR, xz…) are refused as unsupported. */
    static final Set<String> TYPES = Set.of(
            "application/zip",
            "application/x-7z-compressed",
            "application/x-tar",
            "application/x-gtar",
            "application/gzip",
            "application/x-gzip",
            "application/x-bzip2",
            "application/x-bzip");

    /** More members than this is refused like a bomb: a million empty files unpack to nothing but are not harmless. */
    static final int MAX_MEMBERS = 10_000;

    private final Limits limits;
    private final Detector detector;
    private final Path scratch;
    private Path folder;
    private long archiveSize;
    private long written;
    private int files;
    private final List<ArchiveMember> members = new ArrayList<>();

    ArchiveUnpacker(Limits limits, Detector detector, Path scratch) {
        this.limits = limits;
        this.detector = detector;
        this.scratch = scratch;
    }

    /**
     * Unpacks an archive of one of {@link #TYPES}; returns its members (never archives themselves) with their names
     * inside it ({@code null} for the content of a gzip or bzip2 file that does not say its name). Throws
     * {@link ContainerGuard.Refused} when a limit is passed or the archive is encrypted; nothing stays on disk then.
     */
    List<ArchiveMember> unpack(Path archive, String type) throws ContainerGuard.Refused, IOException {
        Files.createDirectories(scratch);
        folder = Files.createTempDirectory(scratch, "archive-");
        archiveSize = Math.max(1, Files.size(archive));
        written = 0;
        files = 0;
        members.clear();
        boolean done = false;
        try {
            unpack(archive, type, 1, "");
            done = !members.isEmpty();
            return List.copyOf(members);
        } catch (ContainerGuard.LimitPassed limit) {
            throw limit.refused;
        } catch (PasswordRequiredException e) {
            throw new ContainerGuard.Refused(
                    FailureReason.ENCRYPTED, "A file in the archive is protected by a password.");
        } catch (MemoryLimitException e) {
            throw new ContainerGuard.Refused(
                    FailureReason.DECOMPRESSION_BOMB, "It needs more memory to unpack than a parser may use.");
        } finally {
            if (!done) {
                deleteQuietly(folder); // refused, or nothing in it
            }
        }
    }

    private void unpack(Path archive, String type, int depth, String prefix)
            throws ContainerGuard.Refused, IOException {
        ContainerGuard.checkDepth(limits, depth);
        switch (type) {
            case "application/zip" -> zip(archive, depth, prefix);
            case "application/x-7z-compressed" -> sevenZ(archive, depth, prefix);
            case "application/x-tar", "application/x-gtar" -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
                    tar(in, depth, prefix);
                }
            }
            case "application/gzip", "application/x-gzip" -> {
                try (var in =
                        new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)), true)) {
                    compressed(in, in.getMetaData().getFileName(), depth, prefix);
                }
            }
            case "application/x-bzip2", "application/x-bzip" -> {
                try (InputStream in =
                        new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)), true)) {
                    compressed(in, null, depth, prefix);
                }
            }
            default -> throw new IllegalArgumentException("not an archive type unpacked here: " + type);
        }
    }

    private void zip(Path archive, int depth, String prefix) throws ContainerGuard.Refused, IOException {
        ZipLayout.check(archive); // a nested archive too
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (entry.isDirectory() || entry.isUnixSymlink()) {
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new ContainerGuard.Refused(
                            FailureReason.ENCRYPTED, "A file in the archive is protected by a password.");
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new ContainerGuard.Refused(
                            FailureReason.CORRUPT,
                            "A file in the archive uses a compression method that cannot be read.");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    member(in, prefix + displayName(entry.getName()), depth);
                }
            }
        }
    }

    private void sevenZ(Path archive, int depth, String prefix) throws ContainerGuard.Refused, IOException {
        // the decoder's dictionary is the memory a 7z archive asks for: at most a quarter of a worker's usual heap
        try (SevenZFile sevenZ = SevenZFile.builder()
                .setPath(archive)
                .setMaxMemoryLimitKiB(128 * 1024)
                .get()) {
            SevenZArchiveEntry entry;
            while ((entry = sevenZ.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.hasStream() || entry.isAntiItem()) {
                    continue;
                }
                member(new SevenZEntryStream(sevenZ), prefix + displayName(entry.getName()), depth);
            }
        }
    }

    private void tar(InputStream raw, int depth, String prefix) throws ContainerGuard.Refused, IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(raw);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (!entry.isFile()) {
                continue; // folders, links, devices: no content of their own
            }
            member(tar, prefix + displayName(entry.getName()), depth);
        }
    }

    /** The content of a gzip or bzip2 file: a tar (tar.gz) is unpacked at the same level, anything else is a member. */
    private void compressed(InputStream in, String name, int depth, String prefix)
            throws ContainerGuard.Refused, IOException {
        Path content = write(in);
        if (isTar(content)) {
            try (InputStream tarIn = new BufferedInputStream(Files.newInputStream(content))) {
                tar(tarIn, depth, prefix);
            }
            Files.delete(content);
            return;
        }
        place(content, compressedName(name, prefix), depth);
    }

    /**
     * The name of the content of a gzip or bzip2 file: the one its header gives, else the compressed file's own name
     * without its extension, else {@code null} (the application names it after the file it was given).
     */
    private static String compressedName(String header, String prefix) {
        if (header != null && !header.isBlank()) {
            return prefix + displayName(header);
        }
        if (prefix.isEmpty()) {
            return null;
        }
        String outer = prefix.substring(0, prefix.length() - 1);
        return outer.replaceFirst("(?i)\\.(gz|gzip|bz2|tgz|tbz2?)$", "");
    }

    private void member(InputStream in, String name, int depth) throws ContainerGuard.Refused, IOException {
        place(write(in), name, depth);
    }

    /** Keeps a written member, or unpacks it in turn when it is an archive itself (and then drops it). */
    private void place(Path file, String name, int depth) throws ContainerGuard.Refused, IOException {
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, new Metadata()).getBaseType().toString();
        }
        if (TYPES.contains(type)) {
            unpack(file, type, depth + 1, name == null ? "" : name + "/");
            Files.delete(file);
            return;
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new ContainerGuard.Refused(
                    FailureReason.DECOMPRESSION_BOMB, "It holds more than " + MAX_MEMBERS + " files.");
        }
        members.add(new ArchiveMember(name, file));
    }

    /** Writes a member to a numbered file, counting every byte against the limits. */
    private Path write(InputStream in) throws ContainerGuard.Refused, IOException {
        Path file = folder.resolve(String.format(Locale.ROOT, "%06d", ++files));
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                written += n;
                check();
                out.write(buffer, 0, n);
            }
        }
        return file;
    }

    private void check() throws ContainerGuard.Refused {
        ContainerGuard.Refused refused = ContainerGuard.overLimits(limits, written, archiveSize);
        if (refused != null) {
            throw refused;
        }
    }

    private static boolean isTar(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ContainerGuard.isTar(in.readNBytes(263));
        }
    }

    /**
     * A member's name as shown: its path inside the archive with forward slashes, without a leading slash or
     * {@code ./}, and without control characters. Only ever a label.
     */
    static String displayName(String raw) {
        String name = raw.replace('\\', '/');
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        name = clean.toString();
        while (name.startsWith("/") || name.startsWith("./")) {
            name = name.substring(name.startsWith("/") ? 1 : 2);
        }
        return name.isBlank() ? "unnamed" : name;
    }

    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in the scratch folder is removed when the application starts again
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    /** The current entry of a 7z archive as a stream (the archive reads its entries one after the other). */
    private static final class SevenZEntryStream extends InputStream {
        private final SevenZFile sevenZ;

        SevenZEntryStream(SevenZFile sevenZ) {
            this.sevenZ = sevenZ;
        }

        @Override
        public int read() throws IOException {
            return sevenZ.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return sevenZ.read(b, off, len);
        }
    }
}
