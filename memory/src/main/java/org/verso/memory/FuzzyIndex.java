package org.verso.memory;

import java.util.List;
import java.util.UUID;
import org.verso.memory.internal.CandidateIndex;
import org.verso.memory.internal.Dictionary;
import org.verso.memory.internal.Tokens;

/**
 * The in-process candidate index of one language pair's sources, without a database: what {@link TranslationMemory}
 * keeps per pair, open for measuring ({@code bench}) against the exhaustive scoring of every unit. Scores are the
 * word-level ones of docs/memory.md before the number and code marks. Thread-safe.
 */
public final class FuzzyIndex {
    private final Dictionary dictionary;
    private final CandidateIndex index = new CandidateIndex();

    /** A unit found and its score. */
    public record Scored(UUID id, int score) {}

    public FuzzyIndex() {
        this(new Dictionary());
    }

    FuzzyIndex(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Adds a unit's source (inline markup or plain text). */
    public void add(UUID id, String source) {
        index.add(id, dictionary.ids(Tokens.of(source)), CandidateIndex.exactKey(source));
    }

    /** The best units scoring at least {@code minScore}, best first (ties: the newest first). */
    public List<Scored> best(String source, int minScore, int limit) {
        return scored(index.best(dictionary.lookup(Tokens.of(source)), minScore, limit));
    }

    /**
     * As {@link #best(String, int, int)}, for a source tokenised already ({@link Tokens#of}), plus the newest unit of
     * exactly this source if more than {@code limit} tie with it (units differing only in numbers or codes).
     */
    List<Scored> best(String source, List<Tokens.Token> tokens, int minScore, int limit) {
        return scored(index.best(dictionary.lookup(tokens), CandidateIndex.exactKey(source), minScore, limit));
    }

    /** The same answer by scoring every unit (OmegaT's method): slow, the reference for {@link #best}. */
    public List<Scored> exhaustive(String source, int minScore, int limit) {
        return scored(index.scan(dictionary.lookup(Tokens.of(source)), minScore, limit));
    }

    public int size() {
        return index.size();
    }

    private static List<Scored> scored(List<CandidateIndex.Candidate> candidates) {
        return candidates.stream().map(c -> new Scored(c.id(), c.score())).toList();
    }
}
