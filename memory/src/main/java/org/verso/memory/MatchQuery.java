package org.verso.memory;

import java.util.Objects;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/**
 * A lookup: the segment's source in inline markup (or plain text), its language pair, how many matches at most.
 *
 * @param minScore the lowest score wanted, or null for the configured one
 * @param contextKey {@link Context#key} of the segment's neighbours, or null (then no in-context matches)
 */
public record MatchQuery(
        String source,
        LanguageTag sourceLanguage,
        LanguageTag targetLanguage,
        int limit,
        Integer minScore,
        String contextKey) {
    public static final int MAX_LIMIT = 50;
    public static final int MAX_SOURCE = 10_000;

    public MatchQuery {
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        if (source == null || source.isBlank()) {
            throw new InvalidInputException("invalid-source", "Give the source segment to look up.");
        }
        if (source.length() > MAX_SOURCE) {
            throw new InvalidInputException(
                    "invalid-source", "A segment to look up has at most " + MAX_SOURCE + " characters.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid-limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (minScore != null && (minScore < 1 || minScore > 100)) {
            throw new InvalidInputException("invalid-min-score", "minScore must be between 1 and 100.");
        }
    }

    public static MatchQuery of(String source, LanguageTag sourceLanguage, LanguageTag targetLanguage, int limit) {
        return new MatchQuery(source, sourceLanguage, targetLanguage, limit, null, null);
    }
}
