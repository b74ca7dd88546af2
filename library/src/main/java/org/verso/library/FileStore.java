package org.verso.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The content-addressed file store: every original is kept byte for byte under its SHA-256, so the same bytes stored
 * twice are one file. Layout: {@code <root>/<first two hex digits>/<sha256>}; new files are written to
 * {@code <root>/.tmp} first and moved into place atomically, so a reader never sees a half-written file, even when the
 * process is killed mid-write.
 *
 * <p>Thread-safe. I/O failures surface as {@link UncheckedIOException}; an unknown hash as {@link NotFoundException}
 * ({@code file-not-found}).
 */
public final class FileStore {
    private final Path root;
    private final Path tmp;

    public FileStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.tmp = this.root.resolve(".tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file store at " + this.root, e);
        }
    }

    /** Where the store keeps its files. */
    public Path root() {
        return root;
    }

    /** Stores the stream's bytes (read to the end, not closed) and returns their hash; idempotent. */
    public Sha256 store(InputStream in) {
        return store(in, Long.MAX_VALUE);
    }

    /**
     * Stores at most {@code maxBytes} bytes of the stream. Throws {@link TooLargeException} ({@code file-too-large})
     * and keeps nothing when the stream holds more.
     */
    public Sha256 store(InputStream in, long maxBytes) {
        return add(in, maxBytes).sha256();
    }

    /**
     * What {@link #add} did.
     *
     * @param sha256 the hash the bytes are stored under
     * @param added whether the bytes were new to the store (false when they were already there)
     */
    public record Stored(Sha256 sha256, boolean added) {
        public Stored {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Like {@link #store(InputStream, long)}, and says whether the bytes were new to the store. */
    public Stored add(InputStream in, long maxBytes) {
        Objects.requireNonNull(in, "in");
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "incoming-", ".part");
            MessageDigest digest = sha256();
            long written = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    written += n;
                    if (written > maxBytes) {
                        throw new TooLargeException(
                                "file-too-large", "The file is larger than the limit of " + maxBytes + " bytes.");
                    }
                    out.write(buffer, 0, n);
                }
            }
            Sha256 hash = Sha256.of(digest.digest());
            Path target = pathOf(hash);
            if (Files.exists(target)) {
                return new Stored(hash, false);
            }
            Files.createDirectories(target.getParent());
            boolean added = moveIntoPlace(temp, target);
            temp = null;
            return new Stored(hash, added);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file in " + root, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Like {@link #store(Path, long)}, and says whether the bytes were new to the store. */
    public Stored add(Path file, long maxBytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return add(in, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Stores a copy of a file; see {@link #store(InputStream, long)}. */
    public Sha256 store(Path file, long maxBytes) {
        return add(file, maxBytes).sha256();
    }

    /** Opens the stored bytes; the caller closes the stream. */
    public InputStream open(Sha256 hash) {
        try {
            return Files.newInputStream(existing(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open stored file " + hash, e);
        }
    }

    /** The size in bytes of a stored file. */
    public long size(Sha256 hash) {
        try {
            return Files.size(existing(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of stored file " + hash, e);
        }
    }

    public boolean contains(Sha256 hash) {
        return Files.isRegularFile(pathOf(hash));
    }

    /** The path of a stored file, for readers that need a file (such as a parser in another process); read only. */
    public Path locate(Sha256 hash) {
        return existing(hash);
    }

    private Path existing(Sha256 hash) {
        Path path = pathOf(hash);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("file-not-found", "No stored file has the SHA-256 " + hash + ".");
        }
        return path;
    }

    private Path pathOf(Sha256 hash) {
        return root.resolve(hash.hex().substring(0, 2)).resolve(hash.hex());
    }

    /** Moves a new file into place; false when another writer stored the same bytes first. */
    private static boolean moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp); // another writer stored the same bytes first
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file store needs a file system with atomic moves", e);
        } catch (NoSuchFileException e) {
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover in .tmp is harmless
        }
    }
}
