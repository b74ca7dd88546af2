package org.verso.translation;

import java.util.List;
import java.util.Objects;
import org.verso.translation.internal.InlineMarkup;

/**
 * A piece of a segment's inline markup, for showing it: plain text, or one inline code (the formatting it stands for
 * stays in the original file).
 *
 * @param kind what the piece is
 * @param text the unescaped text of a {@link Kind#TEXT} piece; empty for codes
 * @param code the id of a code, or 0 for text
 */
public record MarkupPiece(Kind kind, String text, int code) {
    /** Text, or a code: the start or end of a pair (such as bold), or a standalone code (a line break, an image). */
    public enum Kind {
        TEXT,
        START,
        END,
        STANDALONE
    }

    public MarkupPiece {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The pieces of a segment's markup in order. Lenient: anything that is not a known element reads as text, so a
     * stored segment always shows.
     */
    public static List<MarkupPiece> of(String markup) {
        return InlineMarkup.pieces(markup).stream()
                .map(p -> new MarkupPiece(Kind.valueOf(p.kind()), p.text(), p.code()))
                .toList();
    }
}
