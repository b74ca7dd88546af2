package org.verso.translation;

import java.util.ArrayList;
import java.util.List;
import org.verso.library.InvalidInputException;
import org.verso.translation.internal.InlineMarkup;

/**
 * A translated target must carry exactly its source's inline codes, each once, with the same role (a pair stays a
 * pair). A draft is work in progress: it may still lack codes the translator has not placed yet, but never carries a
 * code the source does not have, nor one twice.
 */
final class TargetCodes {
    private TargetCodes() {}

    /** As {@link #check(String, String, boolean)} for a complete (translated) target. */
    static void check(String source, String target) {
        check(source, target, true);
    }

    /**
     * @param complete whether every code of the source must be there (a translated target), or only no code beyond
     *     them (a draft)
     * @throws InvalidInputException ({@code segment-codes}) naming the codes missing or extra
     */
    static void check(String source, String target, boolean complete) {
        List<InlineMarkup.Piece> expectedCodes = InlineMarkup.codes(source);
        List<InlineMarkup.Piece> givenCodes = InlineMarkup.codes(target);
        if (expectedCodes.equals(givenCodes)) {
            return; // the usual case: the source's codes in the source's order
        }
        List<String> expected = codes(expectedCodes);
        List<String> given = codes(givenCodes);
        List<String> missing = new ArrayList<>(expected);
        given.forEach(missing::remove);
        List<String> extra = new ArrayList<>(given);
        expected.forEach(extra::remove);
        if ((complete && !missing.isEmpty()) || !extra.isEmpty()) {
            throw new InvalidInputException(
                    "segment-codes",
                    "The target must use exactly the source's codes, each once; missing " + missing + ", not in the"
                            + " source " + extra + ".");
        }
    }

    /** Whether {@code target} carries exactly the source's codes (a complete target), its markup well formed. */
    static boolean fits(String source, String target) {
        try {
            check(source, target, true);
            return true;
        } catch (InvalidInputException | IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> codes(List<InlineMarkup.Piece> pieces) {
        List<String> codes = new ArrayList<>(pieces.size());
        for (InlineMarkup.Piece piece : pieces) {
            codes.add(piece.kind().toLowerCase() + " " + piece.code());
        }
        return codes;
    }
}
