package org.verso.ingest.internal.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Archives made by the tests: entries by name, in order. */
public final class Archives {
    private Archives() {}

    /** Entries from alternating names and texts. */
    public static Map<String, byte[]> entries(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipArchiveOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] tar(Map<String, byte[]> entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                var entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** gzip, with the name of what it holds in its header when {@code name} is not {@code null}. */
    public static byte[] gzip(byte[] content, String name) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var parameters = new GzipParameters();
        if (name != null) {
            parameters.setFileName(name);
        }
        try (OutputStream gz = new GzipCompressorOutputStream(bytes, parameters)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    public static void sevenZ(Path target, Map<String, byte[]> entries) throws IOException {
        try (var sevenZ = new SevenZOutputFile(target.toFile())) {
            for (var e : entries.entrySet()) {
                Path tmp = Files.createTempFile("entry", ".bin");
                Files.write(tmp, e.getValue());
                var entry = sevenZ.createArchiveEntry(tmp.toFile(), e.getKey());
                sevenZ.putArchiveEntry(entry);
                sevenZ.write(e.getValue());
                sevenZ.closeArchiveEntry();
                Files.delete(tmp);
            }
        }
    }
}
