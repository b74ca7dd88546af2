package org.verso.translation;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verso.translation.internal.InlineMarkup;

/**
 * The word-level difference between the source a segment was translated from and its source now, over the plain
 * text (inline codes left out): pieces in reading order, each kept, inserted or deleted. Concatenating the
 * {@code equal} and {@code delete} pieces gives the old text; the {@code equal} and {@code insert} pieces, the new.
 */
public final class SourceDiff {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");

    /** One piece of the difference. */
    public enum Op {
        EQUAL,
        INSERT,
        DELETE
    }

    /** A run of text kept, inserted or deleted. */
    public record Piece(Op op, String text) {
        public Piece {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(text, "text");
        }
    }

    private SourceDiff() {}

    /** The difference from {@code oldSource} to {@code newSource}, both in Verso's inline markup. */
    public static List<Piece> of(String oldSource, String newSource) {
        return ofText(InlineMarkup.plainText(oldSource), InlineMarkup.plainText(newSource));
    }

    /** The difference between two plain texts, word by word. */
    static List<Piece> ofText(String oldText, String newText) {
        List<String> a = tokens(oldText);
        List<String> b = tokens(newText);
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(pieces, Op.EQUAL, a.subList(i, start));
            add(pieces, Op.DELETE, delta.getSource().getLines());
            add(pieces, Op.INSERT, delta.getTarget().getLines());
            i = start + delta.getSource().size();
        }
        add(pieces, Op.EQUAL, a.subList(i, a.size()));
        return pieces;
    }

    private static void add(List<Piece> pieces, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).op() == op) {
            Piece last = pieces.remove(pieces.size() - 1);
            text = last.text() + text;
        }
        pieces.add(new Piece(op, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
