package org.verso.library;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The SHA-256 of a stored file's bytes, in lower-case hex: the file's identity in the file store. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new InvalidInputException("invalid-sha256", "not a SHA-256 in hex: " + hex);
        }
    }

    /** Parses hex in either case; throws {@link InvalidInputException} ({@code invalid-sha256}) when malformed. */
    public static Sha256 parse(String text) {
        return new Sha256(text == null ? null : text.strip().toLowerCase(Locale.ROOT));
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
