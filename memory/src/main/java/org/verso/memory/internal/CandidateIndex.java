package org.verso.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The units of one language pair as token ids in primitive arrays, with an inverted index (token → units holding it)
 * that finds every unit able to reach a minimum score without scoring the others.
 *
 * <p>Why no unit is missed: a unit scoring at least {@code s} % against a query of {@code Q} tokens is at most {@code
 * d = floor(max(Q, L) × (100 − s) / 100)} edits away, so its length {@code L} lies within {@code Q ± d} and at least
 * {@code Q − d} of the query's token positions hold a token the unit has. Taking the query's distinct tokens rarest
 * first, the shortest prefix whose occurrences exceed {@code d} must therefore share a token with the unit (prefix
 * filtering); only the postings of these rare tokens are read, and each unit found is then scored exactly (edit
 * distance, stopped early past {@code d}).
 *
 * <p>Thread-safe: many lookups at once, additions exclusive.
 */
public final class CandidateIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<int[]> seen = ThreadLocal.withInitial(() -> new int[0]);
    private final ThreadLocal<int[]> stamp = ThreadLocal.withInitial(() -> new int[1]);

    private int units;
    private long[] idHigh = new long[1024];
    private long[] idLow = new long[1024];
    private int[] offsets = new int[1025];
    private int[] tokens = new int[16 * 1024];
    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];

    /** A unit found, its score against the query. */
    public record Candidate(UUID id, int score, int ordinal) {}

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
            int[] distinct = Arrays.stream(unitTokens).distinct().toArray();
            for (int token : distinct) {
                post(token, ordinal);
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
     * The best units scoring at least {@code minScore} (0–100) against the query's token ids, best first (ties: the
     * newest first).
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

    /** The exhaustive answer (every unit scored), for measuring the index against; same order as {@link #best}. */
    public List<Candidate> scan(int[] query, int minScore, int limit) {
        lock.readLock().lock();
        try {
            PriorityQueue<Candidate> top = new PriorityQueue<>(CandidateIndex::worseFirst);
            for (int u = 0; u < units; u++) {
                int length = offsets[u + 1] - offsets[u];
                int score = score(query, u, length, 0);
                offer(top, u, score, minScore, limit);
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
        // the query's distinct known tokens with their occurrences, rarest first
        int[] distinct = Arrays.stream(query).filter(t -> t >= 0).distinct().toArray();
        Integer[] order = new Integer[distinct.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(frequency(distinct[x]), frequency(distinct[y])));
        int unknown = (int) Arrays.stream(query).filter(t -> t < 0).count();
        int covered = unknown;
        int[] seenBy = seen(units);
        int mark = nextStamp();
        PriorityQueue<Candidate> top = new PriorityQueue<>(CandidateIndex::worseFirst);
        for (Integer index : order) {
            if (covered > maxEdits) {
                break; // every unit able to score has one of the tokens read so far
            }
            int token = distinct[index];
            covered += occurrences(query, token);
            int[] posting = token < postings.length ? postings[token] : null;
            int count = token < postings.length ? postingSizes[token] : 0;
            for (int p = 0; p < count; p++) {
                int u = posting[p];
                if (seenBy[u] == mark) {
                    continue;
                }
                seenBy[u] = mark;
                int length = offsets[u + 1] - offsets[u];
                if (length < minLength || length > maxLength) {
                    continue;
                }
                offer(top, u, score(query, u, length, minScore), minScore, limit);
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

    private int frequency(int token) {
        return token < postingSizes.length ? postingSizes[token] : 0;
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

    private void post(int token, int ordinal) {
        if (token >= postings.length) {
            int size = Math.max(postings.length * 2, token + 1);
            postings = Arrays.copyOf(postings, size);
            postingSizes = Arrays.copyOf(postingSizes, size);
        }
        int[] list = postings[token];
        int n = postingSizes[token];
        if (list == null) {
            list = new int[4];
        } else if (n == list.length) {
            list = Arrays.copyOf(list, n + (n >> 1) + 4);
        }
        list[n] = ordinal;
        postings[token] = list;
        postingSizes[token] = n + 1;
    }

    private int[] seen(int size) {
        int[] array = seen.get();
        if (array.length < size) {
            array = new int[Math.max(size, array.length * 2)];
            seen.set(array);
            stamp.get()[0] = 0;
        }
        return array;
    }

    private int nextStamp() {
        int[] s = stamp.get();
        s[0]++;
        if (s[0] == Integer.MAX_VALUE) {
            Arrays.fill(seen.get(), 0);
            s[0] = 1;
        }
        return s[0];
    }
}
