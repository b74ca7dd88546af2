package org.verso.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seals receipt-link tokens (AES-256-GCM, the JDK's own) so that the current link can be shown again (a packing slip
 * reprinted shows the same QR code) while the database holds no usable token: its rows keep the token's SHA-256 and
 * the sealed token, and the key lives in the data directory ({@code <verso.data-dir>/keys/receipt-links.key}, 32
 * random bytes, created on first use, readable by its owner only), not in the database. A copy of the database alone
 * opens no receipt. The shipment's id is the sealed text's associated data: a sealed token copied onto another
 * shipment's row does not open. Losing the key loses only the reprint: a new link is then issued.
 *
 * <p>Thread-safe.
 */
@Component
class ReceiptLinkSeal {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    @org.springframework.beans.factory.annotation.Autowired
    ReceiptLinkSeal(Environment environment) {
        this(Path.of(environment.getProperty("verso.data-dir", "./data"))
                .resolve("keys")
                .resolve("receipt-links.key"));
    }

    ReceiptLinkSeal(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The token sealed for the shipment: base64url of IV and ciphertext with its tag. */
    String seal(String token, ShipmentId shipment) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(shipment.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.US_ASCII));
            byte[] all = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(sealed, 0, all, iv.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot seal with AES-GCM", e);
        }
    }

    /** The token, or {@code null} when it cannot be opened (another key, another shipment, damaged text). */
    String open(String sealed, ShipmentId shipment) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(shipment.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private SecretKey key() {
        SecretKey known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(readOrCreate(), "AES");
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] readOrCreate() {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Path temp = Files.createTempFile(keyFile.getParent(), "receipt-links", ".tmp");
                restrict(temp);
                Files.write(temp, fresh, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    // another process may have created it meanwhile: then its key is the key
                    Files.createLink(keyFile, temp);
                } catch (FileAlreadyExistsException e) {
                    // keep the existing key
                } catch (UnsupportedOperationException | IOException e) {
                    if (!Files.exists(keyFile)) {
                        Files.move(temp, keyFile);
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != 32) {
                throw new IllegalStateException("the receipt-link key " + keyFile + " is not 32 bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the receipt-link key " + keyFile, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
    }
}
