package org.verso.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesBytesUnderTheirSha256AndReadsThemBack() throws Exception {
        FileStore store = new FileStore(dir);
        byte[] bytes = "Всеобщая декларация прав человека".getBytes(StandardCharsets.UTF_8);

        Sha256 hash = store.store(new ByteArrayInputStream(bytes));

        assertThat(hash.hex())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(store.contains(hash)).isTrue();
        assertThat(store.size(hash)).isEqualTo(bytes.length);
        try (InputStream in = store.open(hash)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.locate(hash)).startsWith(dir.toAbsolutePath());
    }

    @Test
    void addSaysWhetherTheBytesWereNewToTheStore() throws IOException {
        FileStore store = new FileStore(dir);
        Path file = dir.resolve("charter.txt");
        Files.writeString(file, "Rotterdam Charter");

        FileStore.Stored first = store.add(file, 1_000);
        FileStore.Stored second = store.add(file, 1_000);

        assertThat(first.added()).isTrue();
        assertThat(second.added()).isFalse();
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(store.contains(first.sha256())).isTrue();
    }

    @Test
    void theSameBytesTwiceAreOneFile() throws IOException {
        FileStore store = new FileStore(dir);
        Sha256 first = store.store(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        Sha256 second = store.store(new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThat(second).isEqualTo(first);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void concurrentWritersOfTheSameBytesAgree() throws Exception {
        FileStore store = new FileStore(dir);
        byte[] bytes = new byte[300_000];
        java.util.Arrays.fill(bytes, (byte) 7);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<Future<Sha256>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> store.store(new ByteArrayInputStream(bytes))));
            }
            Sha256 expected = futures.get(0).get();
            for (Future<Sha256> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
            assertThat(store.size(expected)).isEqualTo(bytes.length);
        } finally {
            pool.shutdownNow();
        }
        try (var temps = Files.list(dir.resolve(".tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void refusesMoreThanTheLimitAndKeepsNothing() throws IOException {
        FileStore store = new FileStore(dir);

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("1000");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anUnknownHashIsNotFound() {
        FileStore store = new FileStore(dir);
        Sha256 unknown = new Sha256("0".repeat(64));

        assertThat(store.contains(unknown)).isFalse();
        assertThatThrownBy(() -> store.open(unknown))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((NotFoundException) e).code())
                .isEqualTo("file-not-found");
    }
}
