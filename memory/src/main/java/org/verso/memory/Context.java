package org.verso.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.verso.memory.internal.Tokens;
import org.verso.translation.TargetSegment;

/** The key of a segment's neighbours: two segments with the same key stood between the same segments. */
public final class Context {
    private Context() {}

    /**
     * The key of the segments before and after (inline markup or plain text; null at the start or the end of a file),
     * compared by their plain text with white space collapsed.
     */
    public static String key(String previous, String next) {
        return sha256(plain(previous) + '\u0000' + plain(next));
    }

    /** The key of segment {@code i} among a translation's segments: its neighbours in the same file. */
    static String around(List<TargetSegment> segments, int i) {
        TargetSegment s = segments.get(i);
        String previous = i > 0 && segments.get(i - 1).file().equals(s.file())
                ? segments.get(i - 1).source()
                : null;
        String next = i + 1 < segments.size() && segments.get(i + 1).file().equals(s.file())
                ? segments.get(i + 1).source()
                : null;
        return key(previous, next);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(String markup) {
        return markup == null ? "" : Tokens.plainText(markup).strip().replaceAll("\\s+", " ");
    }
}
