package org.verso.ingest.internal.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.verso.ingest.FailureReason;

/**
 * Looks into ZIP, gzip, bzip2 and tar containers (which includes DOCX, XLSX, ODT and EPUB) before any parser does:
 * unpacks them as a stream, nothing written to disk, counting what comes out, and refuses bombs (too high a ratio, too
 * much unpacked data, archives nested too deep) and XML parts that declare entities. Nothing is ever resolved.
 */
final class ContainerGuard {
    /** Unpacked data below this size is never a bomb, whatever its ratio (small, very repetitive files are common). */
    private static final long RATIO_FLOOR = 4L * 1024 * 1024;

    private static final int XML_SCAN = 64 * 1024;
    private static final Pattern ENTITY = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_ENTITY =
            Pattern.compile("<!ENTITY\\s+(%\\s*)?[^\\s>]+\\s+(SYSTEM|PUBLIC)\\b", Pattern.CASE_INSENSITIVE);

    /** A refusal found by the guard. */
    static final class Refused extends Exception {
        final FailureReason reason;

        Refused(FailureReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private final Limits limits;
    private long unpacked;
    private long fileSize;

    ContainerGuard(Limits limits) {
        this.limits = limits;
    }

    /** Whether the guard knows how to look into a file that starts with these bytes. */
    static boolean isContainer(byte[] head) {
        return kind(head) != null;
    }

    /** Scans the file; returns normally when it is safe to parse, throws {@link Refused} otherwise. */
    void check(Path file) throws Refused, IOException {
        unpacked = 0;
        fileSize = Files.size(file);
        if ("zip".equals(kind(head(file)))) {
            ZipLayout.check(file);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            walk(in, 0, file.getFileName().toString());
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        }
    }

    /** Scans a plain XML or HTML file's prologue for entity declarations. */
    static void checkXml(byte[] head) throws Refused {
        scanXml(new String(head, StandardCharsets.UTF_8), "the file");
    }

    private void walk(InputStream in, int depth, String name) throws Refused, IOException {
        checkDepth(limits, depth);
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in);
        String kind = kind(peek(buffered, 512));
        if (kind == null) {
            return;
        }
        switch (kind) {
            case "zip" -> entries(new ZipArchiveInputStream(buffered, "UTF-8", true, true), depth);
            case "tar" -> entries(new TarArchiveInputStream(buffered), depth);
            case "gzip" -> single(new GzipCompressorInputStream(buffered, false), depth, name);
            case "bzip2" -> single(new BZip2CompressorInputStream(buffered, false), depth, name);
            default -> {}
        }
    }

    private void entries(ArchiveInputStream<? extends ArchiveEntry> archive, int depth) throws Refused, IOException {
        ArchiveEntry entry;
        try {
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!archive.canReadEntryData(entry)) {
                    // encrypted or unsupported compression: the parser will say which
                    continue;
                }
                inspect(new Counting(archive), depth + 1, entry.getName());
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("encrypt")) {
                return; // let the parser report encryption
            }
            throw e;
        }
    }

    private void single(InputStream decompressed, int depth, String name) throws Refused, IOException {
        inspect(new Counting(decompressed), depth + 1, name);
    }

    private void inspect(Counting entry, int depth, String name) throws Refused, IOException {
        BufferedInputStream buffered = new BufferedInputStream(entry, 64 * 1024);
        byte[] head = peek(buffered, XML_SCAN);
        if (kind(head) != null) {
            walk(buffered, depth, name);
        } else if (looksLikeXml(head, name)) {
            scanXml(new String(head, StandardCharsets.UTF_8), name);
        }
        byte[] sink = new byte[64 * 1024];
        while (buffered.read(sink) >= 0) {
            // drain: Counting enforces the limits as bytes come out
        }
    }

    private static void scanXml(String prologue, String where) throws Refused {
        int doctype = prologue.toUpperCase(Locale.ROOT).indexOf("<!DOCTYPE");
        if (doctype < 0) {
            return;
        }
        if (EXTERNAL_ENTITY.matcher(prologue).find()) {
            throw new Refused(
                    FailureReason.XML_EXTERNAL_ENTITY, "An external entity is declared in " + safeName(where) + ".");
        }
        var entities = ENTITY.matcher(prologue);
        int count = 0;
        while (entities.find()) {
            count++;
        }
        if (count > 1 && prologue.matches("(?s).*<!ENTITY[^>]*&[^>]*>.*")) {
            throw new Refused(
                    FailureReason.XML_ENTITY_EXPANSION,
                    count + " entities that refer to each other are declared in " + safeName(where) + ".");
        }
    }

    private static String safeName(String name) {
        String n = name.replaceAll("[^\\p{L}\\p{N}._/ -]", "?");
        return n.length() > 80 ? n.substring(0, 80) + "…" : n;
    }

    private static boolean looksLikeXml(byte[] head, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".xsd") || lower.endsWith(".xhtml")) {
            return true;
        }
        String start = new String(head, 0, Math.min(head.length, 100), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<?xml") || start.startsWith("<!DOCTYPE");
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    private static String kind(byte[] h) {
        if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5 || h[2] == 7) && h[3] == h[2] + 1) {
            return "zip";
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        if (h.length >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
            return "bzip2";
        }
        if (isTar(h)) {
            return "tar";
        }
        return null;
    }

    /** Whether a file's first bytes (at least 262 of them) are a POSIX tar header's. */
    static boolean isTar(byte[] h) {
        return h.length >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
    }

    /** Refuses archives nested deeper than the limit. */
    static void checkDepth(Limits limits, int depth) throws Refused {
        if (depth > limits.maxNestingDepth()) {
            throw new Refused(
                    FailureReason.DECOMPRESSION_BOMB,
                    "It nests archives more than " + limits.maxNestingDepth() + " levels deep.");
        }
    }

    /**
     * The refusal when {@code unpacked} bytes out of an archive of {@code archiveSize} bytes pass the size or ratio
     * limit (the ratio only above {@link #RATIO_FLOOR}); null within them.
     */
    static Refused overLimits(Limits limits, long unpacked, long archiveSize) {
        if (unpacked > limits.maxUnpackedBytes()) {
            return new Refused(
                    FailureReason.DECOMPRESSION_BOMB,
                    "It unpacks to more than " + limits.maxUnpackedBytes() / (1024 * 1024) + " MB.");
        }
        if (unpacked > RATIO_FLOOR && unpacked / Math.max(1, archiveSize) > limits.maxCompressionRatio()) {
            return new Refused(
                    FailureReason.DECOMPRESSION_BOMB,
                    "It unpacks to more than " + limits.maxCompressionRatio() + " times its size.");
        }
        return null;
    }

    /** Counts every byte unpacked at any depth and refuses as soon as a limit is passed. */
    private final class Counting extends InputStream {
        private final InputStream in;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                unpacked += n;
                Refused refused = overLimits(limits, unpacked, fileSize);
                if (refused != null) {
                    throw new LimitPassed(refused);
                }
            }
            return n;
        }

        @Override
        public void close() {
            // the archive stream owns the underlying stream
        }
    }

    /** Carries a refusal through stream reads, which may only throw IOException. */
    static final class LimitPassed extends IOException {
        final Refused refused;

        LimitPassed(Refused refused) {
            super(refused.getMessage());
            this.refused = refused;
        }
    }
}
