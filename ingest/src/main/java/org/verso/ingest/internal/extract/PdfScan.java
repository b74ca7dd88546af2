package org.verso.ingest.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a PDF's bytes say before it is parsed, in one pass over them: whether it holds images (an image XObject's
 * dictionary names {@code /Subtype /Image}; a stream is never inside a compressed object stream, so the name is always
 * in plain bytes) and whether its content is an encrypted payload (PDF 2.0's unencrypted wrapper, as Microsoft IRM
 * writes it: a placeholder page and the real document as an encrypted attachment).
 *
 * @param images whether some page may be a picture, so that OCR may have something to read
 * @param encryptedPayload whether the document is a DRM wrapper
 */
record PdfScan(boolean images, boolean encryptedPayload) {
    private static final byte[] IMAGE = "/Image".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = "/EncryptedPayload".getBytes(StandardCharsets.US_ASCII);

    static PdfScan of(Path file) throws IOException {
        boolean images = false;
        boolean payload = false;
        int image = 0; // how much of each name has matched so far
        int encrypted = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0 && !(images && payload); n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xff;
                    if (image == IMAGE.length) {
                        images |= delimiter(b); // /Image, not /ImageB or /ImageC of a page's ProcSet
                        image = 0;
                    }
                    image = b == IMAGE[image] ? image + 1 : b == IMAGE[0] ? 1 : 0;
                    if (encrypted == PAYLOAD.length) {
                        payload |= delimiter(b);
                        encrypted = 0;
                    }
                    encrypted = b == PAYLOAD[encrypted] ? encrypted + 1 : b == PAYLOAD[0] ? 1 : 0;
                }
            }
        }
        return new PdfScan(images, payload);
    }

    /** Whether a name ends before this byte: white space or a delimiter of PDF's syntax. */
    private static boolean delimiter(int b) {
        return b <= ' ' || "()<>[]{}/%".indexOf(b) >= 0;
    }
}
