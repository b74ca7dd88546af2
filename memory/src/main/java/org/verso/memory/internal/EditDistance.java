package org.verso.memory.internal;

/**
 * Word-level edit distance (Levenshtein: insertions, deletions and substitutions of whole tokens, each costing 1) and
 * the fuzzy score built on it: {@code floor(100 × (1 − distance / max(|a|, |b|)))}. Tokens are ids of normalised
 * tokens. Stateless.
 */
public final class EditDistance {
    private EditDistance() {}

    /** The score of two token sequences, 0–100; two empty sequences score 100. */
    public static int score(int[] a, int[] b) {
        int max = Math.max(a.length, b.length);
        if (max == 0) {
            return 100;
        }
        int d = distance(a, a.length, b, 0, b.length, max);
        return (int) ((100L * (max - d)) / max);
    }

    /** The largest distance that still scores at least {@code minScore} for sequences of these lengths. */
    public static int maxDistance(int lengthA, int lengthB, int minScore) {
        int max = Math.max(lengthA, lengthB);
        return (max * (100 - minScore)) / 100;
    }

    /**
     * The edit distance between {@code a[0, aLength)} and {@code b[bFrom, bTo)}, or a value above {@code limit} as soon
     * as the distance is known to exceed it.
     */
    public static int distance(int[] a, int aLength, int[] b, int bFrom, int bTo, int limit) {
        return distance(a, aLength, b, bFrom, bTo, limit, new Rows());
    }

    /** Two rows of the distance table, kept by a caller that computes many distances (one per thread). */
    public static final class Rows {
        private int[] previous = new int[64];
        private int[] current = new int[64];
    }

    /** As {@link #distance(int[], int, int[], int, int, int)}, with the caller's rows instead of new ones. */
    public static int distance(int[] a, int aLength, int[] b, int bFrom, int bTo, int limit, Rows rows) {
        int bLength = bTo - bFrom;
        if (Math.abs(aLength - bLength) > limit) {
            return limit + 1;
        }
        if (aLength == 0) {
            return bLength;
        }
        if (bLength == 0) {
            return aLength;
        }
        if (rows.previous.length <= bLength) {
            rows.previous = new int[bLength + 1];
            rows.current = new int[bLength + 1];
        }
        int[] previous = rows.previous;
        int[] current = rows.current;
        for (int j = 0; j <= bLength; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= aLength; i++) {
            current[0] = i;
            int rowMin = i;
            int ai = a[i - 1];
            for (int j = 1; j <= bLength; j++) {
                int cost = ai == b[bFrom + j - 1] ? 0 : 1;
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                current[j] = v;
                if (v < rowMin) {
                    rowMin = v;
                }
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[bLength];
    }
}
