package org.verso.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The units of one language pair as token ids in primitive arrays, with an inverted index (token and unit length →
 * units) that finds every unit able to reach a minimum score without scoring the others.
 *
 * <p>Why no unit is missed: a unit of {@code L} tokens scoring at least {@code s} % against a query of {@code Q} tokens
 * is at most {@code d(L) = floor(max(Q, L) × (100 − s) / 100)} edits away, so {@code L} lies within {@code Q ± d} and at
 * least {@code Q − d(L)} of the query's token positions hold a token the unit has. Per length, taking the query's
 * distinct tokens rarest first among the units of that length, the shortest prefix whose occurrences exceed {@code
 * d(L)} must therefore share a token with the unit (prefix filtering). Each unit found is checked by cheap lower bounds
 * of its distance first (a 64-bit signature of its tokens: each bit one side has and the other lacks is at least one
 * token that costs an edit; then its tokens that the query lacks), then scored exactly (edit distance, stopped early
 * past {@code d(L)}). Lengths nearest {@code Q} come first and posting lists are read newest first: once {@code limit}
 * units are held, a unit must beat the worst of them (an older one must score higher, a newer one at least as high),
 * so the score asked for rises, and with it the lengths and edits allowed shrink.
 *
 * <p>Thread-safe: many lookups at once, additions exclusive.
 */
public final class CandidateIndex {
    /** Lengths 0–254 have postings of their own; longer units share the last bucket. */
    private static final int BUCKETS = 256;

    /**
     * Lookups running at once, over every index: one per core, the others wait their turn in order. A lookup is pure
     * CPU; twenty of them sharing two cores would each take twenty times its own time (the slowest tenth of a
     * millisecond in CPU became tens of milliseconds); queued, each runs to its end and waits only for those ahead.
     */
    private static final Semaphore RUNNING = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private int units;
    private long[] idHigh = new long[1024];
    private long[] idLow = new long[1024];
    private long[] signatures = new long[1024];
    private int[] offsets = new int[1025];
    private int[] tokens = new int[16 * 1024];
    private final LongIntMap slots = new LongIntMap();
    /** The newest unit of each exact source (by {@link #exactKey}): units differing only in numbers tie in the index. */
    private final LongIntMap exact = new LongIntMap();

    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];

    /** A unit found, its score against the query. */
    public record Candidate(UUID id, int score, int ordinal) {}

    /** Per-thread marks: units seen in this lookup, query tokens. */
    private static final class Scratch {
        int[] seen = new int[0];
        int[] queryMark = new int[0];
        int[] queryIndex = new int[0];
        int stamp;
        EditDistance.Rows rows = new EditDistance.Rows();
    }

    /** Adds a unit's token ids; a unit added twice is found twice. */
    public void add(UUID id, int[] unitTokens) {
        add(id, unitTokens, -1);
    }

    /**
     * Adds a unit's token ids and the {@link #exactKey} of its source (negative: none), by which {@link #best(int[],
     * long, int, int)} finds it even when more units than asked for score the same (they differ only in numbers or
     * codes, which the token ids do not tell apart).
     */
    public void add(UUID id, int[] unitTokens, long exactKey) {
        lock.writeLock().lock();
        try {
            int ordinal = units;
            if (ordinal == idHigh.length) {
                idHigh = Arrays.copyOf(idHigh, ordinal * 2);
                idLow = Arrays.copyOf(idLow, ordinal * 2);
                signatures = Arrays.copyOf(signatures, ordinal * 2);
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
            long signature = 0;
            for (int i = 0; i < unitTokens.length; i++) {
                signature |= signatureBit(unitTokens[i]);
                if (!seenBefore(unitTokens, i)) {
                    post(key(unitTokens[i], bucket), ordinal);
                }
            }
            signatures[ordinal] = signature;
            if (exactKey >= 0) {
                exact.put(exactKey, ordinal);
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
        return best(query, -1, minScore, limit);
    }

    /**
     * As {@link #best(int[], int, int)}, plus the newest unit added with this {@link #exactKey} when it scores at
     * least {@code minScore} and is not among them (then {@code limit + 1} units): a source asked again finds itself
     * however many units differ from it only in numbers or codes. A negative key asks for none.
     */
    public List<Candidate> best(int[] query, long exactKey, int minScore, int limit) {
        if (query.length == 0 || limit <= 0) {
            return List.of();
        }
        RUNNING.acquireUninterruptibly();
        lock.readLock().lock();
        try {
            List<Candidate> found = search(query, Math.max(1, minScore), limit);
            int u = exactKey < 0 ? -1 : exact.get(exactKey);
            if (u < 0 || found.stream().anyMatch(c -> c.ordinal() == u)) {
                return found;
            }
            int score = score(query, u, offsets[u + 1] - offsets[u], 0);
            if (score < Math.max(1, minScore)) {
                return found;
            }
            List<Candidate> more = new ArrayList<>(found);
            more.add(new Candidate(new UUID(idHigh[u], idLow[u]), score, u));
            more.sort((a, b) -> worseFirst(b, a));
            return more;
        } finally {
            lock.readLock().unlock();
            RUNNING.release();
        }
    }

    /** A source's key for {@link #add(UUID, int[], long)}: a 64-bit hash of its exact text, never negative. */
    public static long exactKey(CharSequence source) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < source.length(); i++) {
            h ^= source.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
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
        Scratch s = scratch.get();
        if (s.seen.length < units) {
            // the stamp goes on: a fresh array holds no mark, the query marks of earlier lookups stay older than it
            s.seen = new int[Math.max(units, s.seen.length * 2)];
        }
        int mark = ++s.stamp;
        if (mark == Integer.MAX_VALUE) {
            Arrays.fill(s.seen, 0);
            Arrays.fill(s.queryMark, 0);
            mark = s.stamp = 1;
        }
        // the query's distinct known tokens, how often each occurs, its signature
        int[] distinct = new int[q];
        int[] occurrences = new int[q];
        int n = 0;
        int unknown = 0;
        long signature = 0;
        for (int t : query) {
            if (t < 0) {
                unknown++;
                continue;
            }
            if (t >= s.queryMark.length) {
                int size = Math.max(t + 1, s.queryMark.length * 2);
                s.queryMark = Arrays.copyOf(s.queryMark, size);
                s.queryIndex = Arrays.copyOf(s.queryIndex, size);
            }
            if (s.queryMark[t] != mark) {
                s.queryMark[t] = mark;
                s.queryIndex[t] = n;
                distinct[n] = t;
                signature |= signatureBit(t);
                n++;
            }
            occurrences[s.queryIndex[t]]++;
        }
        Lookup lookup = new Lookup(query, minScore, limit, s, mark, signature, unknown);
        int[] slotOf = new int[n];
        long[] order = new long[n];
        // lengths nearest the query's first: they can score highest, so the threshold rises early
        int centre = Math.min(q, BUCKETS - 1);
        for (int step = 0; ; step++) {
            int bucket = centre + ((step & 1) == 0 ? step / 2 : -(step + 1) / 2);
            int fromBucket = Math.min(lookup.minLength, BUCKETS - 1);
            int toBucket = Math.min(lookup.maxLength, BUCKETS - 1);
            if (centre + step / 2 > toBucket && centre - (step + 1) / 2 < fromBucket) {
                break;
            }
            if (bucket < fromBucket || bucket > toBucket) {
                continue;
            }
            // the query's tokens rarest first among units of this length; one no such unit has costs an edit free
            int covered = unknown;
            int m = 0;
            for (int j = 0; j < n; j++) {
                int slot = slots.get(key(distinct[j], bucket));
                if (slot < 0) {
                    covered += occurrences[j];
                } else {
                    slotOf[j] = slot;
                    order[m++] = ((long) postingSizes[slot] << 20) | j;
                }
            }
            Arrays.sort(order, 0, m);
            for (int e = 0; e < m && covered <= lookup.edits(bucket); e++) {
                // every unit of this length able to score has one of the tokens read so far, or this one
                int j = (int) (order[e] & 0xFFFFF);
                scan(lookup, bucket, postings[slotOf[j]], postingSizes[slotOf[j]], covered);
                covered += occurrences[j];
            }
        }
        return sorted(lookup.top);
    }

    /**
     * Checks the units of one posting list of {@code bucket}, cheapest bounds first, and scores those left. A unit not
     * seen before lacks the tokens read before this list: {@code unmatched} query positions it cannot match.
     */
    private void scan(Lookup lookup, int bucket, int[] posting, int count, int unmatched) {
        Scratch s = lookup.scratch;
        int[] query = lookup.query;
        int mark = lookup.mark;
        long signature = lookup.signature;
        // newest first: once the best units are held, an older unit must beat the worst of them, not only equal it
        for (int p = count - 1; p >= 0; p--) {
            int u = posting[p];
            int edits;
            if (u > lookup.worstOrdinal) {
                edits = lookup.edits(bucket, lookup.threshold);
            } else if (lookup.threshold < 100) {
                edits = lookup.edits(bucket, lookup.threshold + 1);
            } else {
                break; // nothing older can beat a full list of 100s
            }
            if (unmatched > edits) {
                break; // the rest are older: they need as many edits or fewer
            }
            // distinct tokens on one side that the other lacks each cost an edit (a signature bit is at least one)
            long unit = signatures[u];
            if (Long.bitCount(unit & ~signature) > edits || Long.bitCount(signature & ~unit) + lookup.unknown > edits) {
                continue;
            }
            if (s.seen[u] == mark) {
                continue;
            }
            s.seen[u] = mark;
            int from = offsets[u];
            int length = offsets[u + 1] - from;
            if (bucket == BUCKETS - 1) { // units of 255 tokens and more share this bucket
                if (length < lookup.minLength || length > lookup.maxLength) {
                    continue;
                }
                edits = EditDistance.maxDistance(
                        query.length, length, u > lookup.worstOrdinal ? lookup.threshold : lookup.threshold + 1);
            }
            // count filter: the unit's tokens the query lacks each cost an edit
            int missing = 0;
            for (int i = from; i < from + length && missing <= edits; i++) {
                int t = tokens[i];
                if (t >= s.queryMark.length || s.queryMark[t] != mark) {
                    missing++;
                }
            }
            if (missing > edits) {
                continue;
            }
            int d = EditDistance.distance(query, query.length, tokens, from, from + length, edits, s.rows);
            if (d <= edits) {
                int max = Math.max(query.length, length);
                lookup.offer(new Candidate(new UUID(idHigh[u], idLow[u]), (int) ((100L * (max - d)) / max), u));
            }
        }
    }

    /**
     * One lookup's state: its best units so far and the threshold they set. Once {@code limit} units are held, a unit
     * must score at least the worst of them (the same score wins when newer), so the lengths and edits allowed shrink.
     */
    private static final class Lookup {
        final int[] query;
        final int limit;
        final Scratch scratch;
        final int mark;
        final long signature;
        final int unknown;
        final PriorityQueue<Candidate> top = new PriorityQueue<>(CandidateIndex::worseFirst);
        int threshold;
        /** The ordinal of the worst unit held once {@code limit} are; until then below every ordinal. */
        int worstOrdinal = -1;

        int minLength;
        int maxLength;

        Lookup(int[] query, int minScore, int limit, Scratch scratch, int mark, long signature, int unknown) {
            this.query = query;
            this.limit = limit;
            this.scratch = scratch;
            this.mark = mark;
            this.signature = signature;
            this.unknown = unknown;
            raise(minScore);
        }

        /** The most edits a unit of this bucket may be away and still reach the threshold. */
        int edits(int bucket) {
            return edits(bucket, threshold);
        }

        /** The most edits a unit of this bucket may be away and still score {@code score}. */
        int edits(int bucket, int score) {
            int length = bucket == BUCKETS - 1 ? Math.max(bucket, maxLength) : bucket;
            return EditDistance.maxDistance(query.length, length, score);
        }

        void offer(Candidate c) {
            if (c.score() < threshold) {
                return;
            }
            if (top.size() < limit) {
                top.add(c);
            } else if (worseFirst(c, top.peek()) > 0) {
                top.poll();
                top.add(c);
            }
            if (top.size() == limit) {
                worstOrdinal = top.peek().ordinal();
                if (top.peek().score() > threshold) {
                    raise(top.peek().score());
                }
            }
        }

        private void raise(int score) {
            threshold = score;
            minLength = (query.length * score + 99) / 100;
            maxLength = (query.length * 100) / score;
        }
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

    /** A token's bit in a unit's 64-bit signature (the set of its tokens, folded). */
    private static long signatureBit(int token) {
        return 1L << ((token * 0x9E3779B9) >>> 26);
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
