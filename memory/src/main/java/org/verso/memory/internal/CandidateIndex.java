package org.verso.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The units of one language pair as token ids in primitive arrays, with an inverted index (token and unit length →
 * units) that finds every unit able to reach a minimum score without scoring the others.
 *
 * <p>Why no unit is missed: a unit scoring at least {@code s} % against a query of {@code Q} tokens is at most {@code
 * d = floor(max(Q, L) × (100 − s) / 100)} edits away, so its length {@code L} lies within {@code Q ± d} (only the
 * postings of those lengths are read) and at least {@code Q − d} of the query's token positions hold a token the unit
 * has. Taking the query's distinct tokens rarest first, the shortest prefix whose occurrences exceed {@code d} must
 * therefore share a token with the unit (prefix filtering). Each unit found is checked by counting its tokens that the
 * query has (at least {@code L − d} must be), then scored exactly (edit distance, stopped early past {@code d}).
 *
 * <p>Thread-safe: many lookups at once, additions exclusive.
 */
public final class CandidateIndex {
    /** Lengths 0–254 have postings of their own; longer units share the last bucket. */
    private static final int BUCKETS = 256;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private int units;
    private long[] idHigh = new long[1024];
    private long[] idLow = new long[1024];
    private int[] offsets = new int[1025];
    private int[] tokens = new int[16 * 1024];
    private final LongIntMap slots = new LongIntMap();
    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];

    /** A unit found, its score against the query. */
    public record Candidate(UUID id, int score, int ordinal) {}

    /** Per-thread marks: units seen in this lookup, query tokens. */
    private static final class Scratch {
        int[] seen = new int[0];
        int[] queryMark = new int[0];
        int stamp;
    }

    /** Adds a unit's token ids; a unit added twice is found twice. */
    public void add(UUID id, int[] unitTokens) {
        lock.writeLock().lock();
        try {
            int ordinal = units;
            if (ordinal == idHigh.length) {
                idHigh = Arrays.copyOf(idHigh, ordinal * 2);
                idLow = Arrays.copyOf(idLow, ordinal * 2);
                offsets = Arrays.copyOf(offsets, ordinal * 2 + 1);
            }
            idHigh[ordinal] = id.getMostSignificantBits();
            idLow[ordinal] = id.getLeastSignificantBits();
            int start = offsets[ordinal];
            if (start + unitTokens.length > tokens.length) {
                tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, start + unitTokens.length));
            }
            System.arraycopy(unitTokens, 0, tokens, start, unitTokens.length);
            offsets[ordinal + 1] = start + unitTokens.length;
            int bucket = Math.min(unitTokens.length, BUCKETS - 1);
            for (int i = 0; i < unitTokens.length; i++) {
                if (!seenBefore(unitTokens, i)) {
                    post(key(unitTokens[i], bucket), ordinal);
                }
            }
            units++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many units the index holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return units;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The best units scoring at least {@code minScore} (1–100) against the query's token ids (unknown tokens: -1), best
     * first (ties: the newest first). A query without tokens (only punctuation, white space) has no matches.
     */
    public List<Candidate> best(int[] query, int minScore, int limit) {
        if (query.length == 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            return search(query, Math.max(1, minScore), limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The exhaustive answer (every unit scored), for measuring the index against; same order as {@link #best}. A query
     * without tokens (only punctuation) has no matches, as in {@link #best}.
     */
    public List<Candidate> scan(int[] query, int minScore, int limit) {
        if (query.length == 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            PriorityQueue<Candidate> top = new PriorityQueue<>(CandidateIndex::worseFirst);
            for (int u = 0; u < units; u++) {
                int length = offsets[u + 1] - offsets[u];
                offer(top, u, score(query, u, length, 0), minScore, limit);
            }
            return sorted(top);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<Candidate> search(int[] query, int minScore, int limit) {
        int q = query.length;
        int maxLength = (q * 100) / minScore;
        int minLength = (q * minScore + 99) / 100;
        int maxEdits = EditDistance.maxDistance(q, maxLength, minScore);
        int fromBucket = Math.min(minLength, BUCKETS - 1);
        int toBucket = Math.min(maxLength, BUCKETS - 1);
        Scratch s = scratch.get();
        if (s.seen.length < units) {
            s.seen = new int[Math.max(units, s.seen.length * 2)];
            s.stamp = 0;
        }
        int mark = ++s.stamp;
        if (mark == Integer.MAX_VALUE) {
            Arrays.fill(s.seen, 0);
            Arrays.fill(s.queryMark, 0);
            mark = s.stamp = 1;
        }
        // the query's distinct known tokens, rarest (within the lengths that can score) first
        int[] distinct = new int[q];
        long[] frequency = new long[q];
        int n = 0;
        int unknown = 0;
        for (int i = 0; i < q; i++) {
            int t = query[i];
            if (t < 0) {
                unknown++;
                continue;
            }
            if (t >= s.queryMark.length) {
                s.queryMark = Arrays.copyOf(s.queryMark, Math.max(t + 1, s.queryMark.length * 2));
            }
            if (s.queryMark[t] != mark) {
                s.queryMark[t] = mark;
                long f = 0;
                for (int b = fromBucket; b <= toBucket; b++) {
                    int slot = slots.get(key(t, b));
                    f += slot < 0 ? 0 : postingSizes[slot];
                }
                frequency[n] = (f << 20) | n;
                distinct[n++] = t;
            }
        }
        long[] order = Arrays.copyOf(frequency, n);
        Arrays.sort(order);
        int covered = unknown;
        PriorityQueue<Candidate> top = new PriorityQueue<>(CandidateIndex::worseFirst);
        for (long entry : order) {
            if (covered > maxEdits) {
                break; // every unit able to score has one of the tokens read so far
            }
            int token = distinct[(int) (entry & 0xFFFFF)];
            covered += occurrences(query, token);
            for (int b = fromBucket; b <= toBucket; b++) {
                int slot = slots.get(key(token, b));
                if (slot < 0) {
                    continue;
                }
                int[] posting = postings[slot];
                int count = postingSizes[slot];
                for (int p = 0; p < count; p++) {
                    int u = posting[p];
                    if (s.seen[u] == mark) {
                        continue;
                    }
                    s.seen[u] = mark;
                    int from = offsets[u];
                    int length = offsets[u + 1] - from;
                    if (length < minLength || length > maxLength) {
                        continue;
                    }
                    // count filter: the unit's tokens the query lacks each cost an edit
                    int limitEdits = EditDistance.maxDistance(q, length, minScore);
                    int missing = 0;
                    for (int i = from; i < from + length && missing <= limitEdits; i++) {
                        int t = tokens[i];
                        if (t >= s.queryMark.length || s.queryMark[t] != mark) {
                            missing++;
                        }
                    }
                    if (missing > limitEdits) {
                        continue;
                    }
                    offer(top, u, score(query, u, length, minScore), minScore, limit);
                }
            }
        }
        return sorted(top);
    }

    private int score(int[] query, int u, int length, int minScore) {
        int max = Math.max(query.length, length);
        if (max == 0) {
            return 100;
        }
        int limit = EditDistance.maxDistance(query.length, length, minScore);
        int d = EditDistance.distance(query, query.length, tokens, offsets[u], offsets[u + 1], limit);
        return d > limit && minScore > 0 ? -1 : (int) ((100L * (max - Math.min(d, max))) / max);
    }

    private void offer(PriorityQueue<Candidate> top, int u, int score, int minScore, int limit) {
        if (score < minScore) {
            return;
        }
        Candidate c = new Candidate(new UUID(idHigh[u], idLow[u]), score, u);
        if (top.size() < limit) {
            top.add(c);
        } else if (worseFirst(c, top.peek()) > 0) {
            top.poll();
            top.add(c);
        }
    }

    private static int worseFirst(Candidate a, Candidate b) {
        int byScore = Integer.compare(a.score(), b.score());
        return byScore != 0 ? byScore : Integer.compare(a.ordinal(), b.ordinal());
    }

    private static List<Candidate> sorted(PriorityQueue<Candidate> top) {
        List<Candidate> result = new ArrayList<>(top);
        result.sort((a, b) -> worseFirst(b, a));
        return result;
    }

    private static boolean seenBefore(int[] values, int i) {
        for (int j = 0; j < i; j++) {
            if (values[j] == values[i]) {
                return true;
            }
        }
        return false;
    }

    private static int occurrences(int[] query, int token) {
        int n = 0;
        for (int t : query) {
            if (t == token) {
                n++;
            }
        }
        return n;
    }

    private static long key(int token, int bucket) {
        return ((long) token << 8) | bucket;
    }

    private void post(long key, int ordinal) {
        int slot = slots.get(key);
        if (slot < 0) {
            slot = slots.size();
            slots.put(key, slot);
            if (slot == postings.length) {
                postings = Arrays.copyOf(postings, slot * 2);
                postingSizes = Arrays.copyOf(postingSizes, slot * 2);
            }
        }
        int[] list = postings[slot];
        int n = postingSizes[slot];
        if (list == null) {
            list = new int[2];
        } else if (n == list.length) {
            list = Arrays.copyOf(list, n + (n >> 1) + 2);
        }
        list[n] = ordinal;
        postings[slot] = list;
        postingSizes[slot] = n + 1;
    }
}
