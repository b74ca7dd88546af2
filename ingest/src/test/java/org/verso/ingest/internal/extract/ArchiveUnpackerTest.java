package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.ingest.ArchiveMember;
import org.verso.ingest.FailureReason;

/** Unpacking archives made here, with Tika's real type detection deciding what is an archive inside an archive. */
class ArchiveUnpackerTest {
    private static final Limits LIMITS = new Limits(5_000_000, 100, 50L << 20, 5);

    @TempDir
    Path dir;

    private List<ArchiveMember> unpack(byte[] archive, String type) throws Exception {
        Path file = dir.resolve("archive");
        Files.write(file, archive);
        return unpacker().unpack(file, type);
    }

    private ArchiveUnpacker unpacker() {
        return new ArchiveUnpacker(LIMITS, TikaConfig.getDefaultConfig().getDetector(), dir.resolve("scratch"));
    }

    private static Map<String, String> contents(List<ArchiveMember> members) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        for (ArchiveMember m : members) {
            contents.put(m.name(), Files.readString(m.file()));
        }
        return contents;
    }

    @Test
    void aZipGivesEachFileWithItsPathInsideAsItsNameAndNamesNeverBecomePaths() throws Exception {
        byte[] zip = Archives.zip(Archives.entries(
                "kit/brochure-1.txt", "Know your rights",
                "kit/", "",
                "kit/annex/charter.txt", "Rotterdam Charter",
                "../../escaped.txt", "Not outside",
                "/absolute.txt", "Not at the root"));

        List<ArchiveMember> members = unpack(zip, "application/zip");

        assertThat(contents(members))
                .containsExactly(
                        Map.entry("kit/brochure-1.txt", "Know your rights"),
                        Map.entry("kit/annex/charter.txt", "Rotterdam Charter"),
                        Map.entry("../../escaped.txt", "Not outside"),
                        Map.entry("absolute.txt", "Not at the root"));
        for (ArchiveMember m : members) {
            assertThat(m.file().toAbsolutePath().normalize()).startsWith(dir.resolve("scratch"));
            assertThat(m.file().getFileName().toString()).matches("\\d{6}");
        }
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void archivesInsideArchivesAreUnpackedInTurnAndNamedThroughBoth() throws Exception {
        byte[] inner = Archives.zip(Archives.entries("report.txt", "Annual report of the commission"));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("letters/cover.txt", "Dear coordinator".getBytes(StandardCharsets.UTF_8));
        outer.put("letters/inner.zip", inner);
        byte[] tarGz = Archives.gzip(
                Archives.tar(Archives.entries("tar/one.txt", "First", "tar/two.txt", "Second")), "bundle.tar");
        outer.put("bundle.tar.gz", tarGz);

        List<ArchiveMember> members = unpack(Archives.zip(outer), "application/zip");

        assertThat(contents(members))
                .containsExactly(
                        Map.entry("letters/cover.txt", "Dear coordinator"),
                        Map.entry("letters/inner.zip/report.txt", "Annual report of the commission"),
                        Map.entry("bundle.tar.gz/tar/one.txt", "First"),
                        Map.entry("bundle.tar.gz/tar/two.txt", "Second"));
        try (Stream<Path> files = Files.walk(dir.resolve("scratch"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(4); // the nested archives are not kept
        }
    }

    @Test
    void tarTarGzGzipAnd7zAreUnpacked() throws Exception {
        var entries = Archives.entries("a.txt", "Alpha", "b/c.txt", "Gamma");

        assertThat(contents(unpack(Archives.tar(entries), "application/x-tar")))
                .containsExactly(Map.entry("a.txt", "Alpha"), Map.entry("b/c.txt", "Gamma"));
        assertThat(contents(unpack(Archives.gzip(Archives.tar(entries), null), "application/gzip")))
                .containsExactly(Map.entry("a.txt", "Alpha"), Map.entry("b/c.txt", "Gamma"));
        assertThat(contents(unpack(
                        Archives.gzip("Plain text".getBytes(StandardCharsets.UTF_8), "notes.txt"), "application/gzip")))
                .containsExactly(Map.entry("notes.txt", "Plain text"));
        assertThat(unpack(Archives.gzip("No name".getBytes(StandardCharsets.UTF_8), null), "application/gzip"))
                .singleElement()
                .satisfies(m -> assertThat(m.name()).isNull());
        Path sevenZ = dir.resolve("kit.7z");
        Archives.sevenZ(sevenZ, entries);
        assertThat(contents(unpacker().unpack(sevenZ, "application/x-7z-compressed")))
                .containsExactly(Map.entry("a.txt", "Alpha"), Map.entry("b/c.txt", "Gamma"));
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreRefusedAndNothingStays() throws Exception {
        byte[] archive = Archives.zip(Archives.entries("deep.txt", "At the bottom"));
        for (int level = 0; level < 6; level++) {
            archive = Archives.zip(Map.of("level-" + level + ".zip", archive));
        }
        byte[] deep = archive;

        assertThatThrownBy(() -> unpack(deep, "application/zip"))
                .isInstanceOfSatisfying(ContainerGuard.Refused.class, refused -> {
                    assertThat(refused.reason).isEqualTo(FailureReason.DECOMPRESSION_BOMB);
                    assertThat(refused.getMessage()).contains("5 levels");
                });
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void unpackingPastTheRatioOrTheTotalSizeIsRefused() throws Exception {
        byte[] zeros = new byte[40 << 20]; // 40 MB that compress to about 40 kB
        byte[] bomb = Archives.zip(Map.of("zeros.bin", zeros));

        assertThatThrownBy(() -> unpack(bomb, "application/zip"))
                .isInstanceOfSatisfying(ContainerGuard.Refused.class, refused -> {
                    assertThat(refused.reason).isEqualTo(FailureReason.DECOMPRESSION_BOMB);
                    assertThat(refused.getMessage()).contains("times its size");
                });
        Map<String, byte[]> big = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 6; i++) {
            byte[] noise = new byte[10 << 20]; // 60 MB that do not compress, past the 50 MB limit
            random.nextBytes(noise);
            big.put("noise-" + i + ".bin", noise);
        }
        byte[] large = Archives.tar(big);
        assertThatThrownBy(() -> unpack(large, "application/x-tar"))
                .isInstanceOfSatisfying(ContainerGuard.Refused.class, refused -> assertThat(refused.getMessage())
                        .contains("more than 50 MB"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void tooManyFilesAreRefusedLikeABomb() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= ArchiveUnpacker.MAX_MEMBERS; i++) {
            many.put("f" + i + ".txt", new byte[] {'x'});
        }
        byte[] zip = Archives.zip(many);

        assertThatThrownBy(() -> unpack(zip, "application/zip"))
                .isInstanceOfSatisfying(ContainerGuard.Refused.class, refused -> assertThat(refused.getMessage())
                        .contains("more than " + ArchiveUnpacker.MAX_MEMBERS + " files"));
        assertThat(leftovers()).isEmpty();
    }

    private List<Path> leftovers() throws IOException {
        Path scratch = dir.resolve("scratch");
        if (!Files.exists(scratch)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(p -> !p.equals(scratch)).toList();
        }
    }
}
