package org.verso.search;

import java.util.Objects;
import org.verso.library.InvalidInputException;

/**
 * A search of the library.
 *
 * @param text the query in the query language (words, "phrases", AND/OR/NOT, title:/lang:/kind:… fields, prefix*,
 *     fuzzy~); blank lists everything that passes the filters
 * @param filters facet values to narrow to
 * @param sort the order of hits
 * @param page 1-based page number
 * @param size hits per page, 1–100
 */
public record SearchQuery(String text, SearchFilters filters, SortOrder sort, int page, int size) {
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 1000;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        filters = filters == null ? SearchFilters.NONE : filters;
        Objects.requireNonNull(sort, "sort");
        if (page < 1) {
            throw new InvalidInputException("invalid-page", "page must be 1 or more, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("invalid-page", "size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidQueryException(
                    "the query is too long: " + text.length() + " characters, at most " + MAX_TEXT, MAX_TEXT + 1);
        }
    }

    /** A first page of ten best matches for the text. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, SearchFilters.NONE, SortOrder.RELEVANCE, 1, 10);
    }
}
