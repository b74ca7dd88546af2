package org.verso.translation;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches the segments of a new version of a file to those of the old one, without a database. First the exact
 * sources, in order (the longest common subsequence); then, within each stretch between two exact matches, a new
 * segment is paired with the old one of the stretch most like it (words in common, the same extraction unit counting
 * a little more), if at least {@link #SIMILAR} alike and after the previous pairing (order is kept). What is left is
 * new (new side) or removed (old side).
 */
final class SourceMatch {
    /** The least similarity (Dice coefficient over words) for a changed source to count as the same segment. */
    static final double SIMILAR = 0.5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final double SAME_UNIT = 0.1;

    enum Kind {
        UNCHANGED,
        CHANGED,
        NEW
    }

    /** One segment of either version. */
    record Side(String unit, String source, String text) {
        Side {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * What became of each new segment, and which old ones are gone.
     *
     * @param kinds by new index
     * @param from by new index: the old index it continues, or -1 for a new one
     * @param removed the old indexes no new segment continues, in order
     */
    record Result(List<Kind> kinds, int[] from, List<Integer> removed) {
        long count(Kind kind) {
            return kinds.stream().filter(k -> k == kind).count();
        }
    }

    private SourceMatch() {}

    static Result match(List<Side> old, List<Side> next) {
        int[] from = new int[next.size()];
        Arrays.fill(from, -1);
        Kind[] kinds = new Kind[next.size()];
        Arrays.fill(kinds, Kind.NEW);
        boolean[] used = new boolean[old.size()];
        List<AbstractDelta<String>> deltas = DiffUtils.diff(
                        old.stream().map(Side::source).toList(),
                        next.stream().map(Side::source).toList())
                .getDeltas();
        int o = 0;
        int n = 0;
        for (AbstractDelta<String> delta : deltas) {
            int oldStart = delta.getSource().getPosition();
            int newStart = delta.getTarget().getPosition();
            while (o < oldStart && n < newStart) {
                pair(from, kinds, used, n++, o++, Kind.UNCHANGED);
            }
            int oldEnd = oldStart + delta.getSource().size();
            int newEnd = newStart + delta.getTarget().size();
            pairSimilar(old, next, oldStart, oldEnd, newStart, newEnd, from, kinds, used);
            o = oldEnd;
            n = newEnd;
        }
        while (o < old.size() && n < next.size()) {
            pair(from, kinds, used, n++, o++, Kind.UNCHANGED);
        }
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                removed.add(i);
            }
        }
        return new Result(List.of(kinds), from, List.copyOf(removed));
    }

    private static void pairSimilar(
            List<Side> old,
            List<Side> next,
            int oldStart,
            int oldEnd,
            int newStart,
            int newEnd,
            int[] from,
            Kind[] kinds,
            boolean[] used) {
        int after = oldStart; // pairings keep the order of both versions
        for (int n = newStart; n < newEnd; n++) {
            int best = -1;
            double bestScore = 0;
            for (int o = after; o < oldEnd; o++) {
                double similarity = similarity(old.get(o).text(), next.get(n).text());
                if (similarity < SIMILAR) {
                    continue;
                }
                double score = similarity
                        + (Objects.equals(old.get(o).unit(), next.get(n).unit()) ? SAME_UNIT : 0);
                if (score > bestScore) {
                    best = o;
                    bestScore = score;
                }
            }
            if (best >= 0) {
                pair(from, kinds, used, n, best, Kind.CHANGED);
                after = best + 1;
            }
        }
    }

    private static void pair(int[] from, Kind[] kinds, boolean[] used, int n, int o, Kind kind) {
        from[n] = o;
        kinds[n] = kind;
        used[o] = true;
    }

    /** The Dice coefficient of two texts' words (lower case, counted with repeats): 1 for the same words, 0 for none. */
    static double similarity(String a, String b) {
        Map<String, Integer> left = words(a);
        Map<String, Integer> right = words(b);
        int sizes = left.values().stream().mapToInt(Integer::intValue).sum()
                + right.values().stream().mapToInt(Integer::intValue).sum();
        if (sizes == 0) {
            return 0;
        }
        int common = 0;
        for (var word : left.entrySet()) {
            common += Math.min(word.getValue(), right.getOrDefault(word.getKey(), 0));
        }
        return 2.0 * common / sizes;
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.merge(m.group(), 1, Integer::sum);
        }
        return words;
    }
}
