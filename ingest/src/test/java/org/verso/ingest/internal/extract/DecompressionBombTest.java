package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.ingest.Corpus;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/**
 * Every kind of decompression bomb is named one: a huge ratio, nesting and self-reproducing archives (the corpus's
 * bombs) and overlapping entries (made here: many names in the central directory for the same compressed kernel).
 */
class DecompressionBombTest {
    private static final Limits LIMITS = new Limits(5_000_000, 100, 1L << 30, 5).withOcr(false);

    @TempDir
    Path work;

    @Test
    void theCorpusBombsAreDecompressionBombs() throws IOException {
        TikaReader reader = new TikaReader(LIMITS, work);
        for (String bomb : List.of("zipbomb_1MB-to-1GB.zip", "droste_recursive-quine.zip", "quine.gz")) {
            Extraction read = reader.read(Corpus.file("broken/bombs/" + bomb));
            assertThat(read.failure()).as("%s: %s", bomb, read.reason()).isEqualTo(FailureReason.DECOMPRESSION_BOMB);
        }
    }

    @Test
    void entriesThatShareTheirBytesAreABombEvenWhenFewAndSmall() throws IOException {
        TikaReader reader = new TikaReader(LIMITS, work);
        for (int names : new int[] {3, 2_000}) {
            Path zip = work.resolve("overlap-" + names + ".zip");
            Files.write(zip, overlapping(names, 256 * 1024));

            Extraction read = reader.read(zip);

            assertThat(read.failure())
                    .as("%d names: %s", names, read.reason())
                    .isEqualTo(FailureReason.DECOMPRESSION_BOMB);
            assertThat(read.detail()).contains("overlap");
        }
        try (var left = Files.list(work)) {
            assertThat(left.filter(Files::isDirectory)).as("nothing unpacked").isEmpty();
        }
    }

    @Test
    void noZipOfTheCorpusOutsideTheBombsHasOverlappingEntries() throws Exception {
        List<Path> zips;
        try (var walk = Files.walk(Corpus.dir())) {
            zips = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().contains("bombs"))
                    .filter(DecompressionBombTest::startsLikeZip)
                    .toList();
        }
        assertThat(zips).hasSizeGreaterThan(30); // DOCX, XLSX, ODT, EPUB, ZIP…
        for (Path zip : zips) {
            ZipLayout.check(zip);
        }
    }

    private static boolean startsLikeZip(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** A ZIP whose central directory names {@code names} files, all at the one local entry of a deflated kernel. */
    static byte[] overlapping(int names, int kernelSize) {
        byte[] plain =
                "Everyone has the right to life. ".repeat(kernelSize / 32).getBytes(StandardCharsets.US_ASCII);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] kernel = deflated.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(plain);
        byte[] firstName = "file-0.txt".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(64 + kernel.length + names * 80).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x04034b50)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) 8)
                .putInt(0);
        out.putInt((int) crc.getValue()).putInt(kernel.length).putInt(plain.length);
        out.putShort((short) firstName.length)
                .putShort((short) 0)
                .put(firstName)
                .put(kernel);
        int directory = out.position();
        for (int i = 0; i < names; i++) {
            byte[] name = ("file-" + i + ".txt").getBytes(StandardCharsets.US_ASCII);
            out.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0);
            out.putShort((short) 8)
                    .putInt(0)
                    .putInt((int) crc.getValue())
                    .putInt(kernel.length)
                    .putInt(plain.length);
            out.putShort((short) name.length)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0);
            out.putShort((short) 0).putInt(0).putInt(0).put(name); // every entry's local header at offset 0
        }
        int size = out.position() - directory;
        out.putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) names)
                .putShort((short) names);
        out.putInt(size).putInt(directory).putShort((short) 0);
        byte[] zip = new byte[out.position()];
        out.flip().get(zip);
        return zip;
    }
}
