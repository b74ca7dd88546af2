package org.verso.translation;

import java.util.ArrayList;
import java.util.List;
import org.verso.library.InvalidInputException;
import org.verso.translation.internal.InlineMarkup;

/** A target must carry exactly its source's inline codes, each once, with the same role (a pair stays a pair). */
final class TargetCodes {
    private TargetCodes() {}

    /** @throws InvalidInputException ({@code segment-codes}) naming the codes missing or extra */
    static void check(String source, String target) {
        List<String> expected = codes(source);
        List<String> given = codes(target);
        List<String> missing = new ArrayList<>(expected);
        given.forEach(missing::remove);
        List<String> extra = new ArrayList<>(given);
        expected.forEach(extra::remove);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new InvalidInputException(
                    "segment-codes",
                    "The target must use exactly the source's codes, each once; missing " + missing + ", not in the"
                            + " source " + extra + ".");
        }
    }

    private static List<String> codes(String markup) {
        List<String> codes = new ArrayList<>();
        for (InlineMarkup.Piece piece : InlineMarkup.pieces(markup)) {
            if (!piece.kind().equals("TEXT")) {
                codes.add(piece.kind().toLowerCase() + " " + piece.code());
            }
        }
        return codes;
    }
}
