package org.verso.search;

import org.verso.library.InvalidInputException;

/**
 * A search query that cannot be understood: a syntax error, an unknown field, a bad filter value. The message says
 * what is wrong and, where it applies, at which character position (1-based) of the query text. Answers 400.
 */
public class InvalidQueryException extends InvalidInputException {
    private final int position;

    /**
     * @param message what is wrong, for the person who typed the query
     * @param position 1-based character position in the query text, or 0 when the problem has no single place
     */
    public InvalidQueryException(String message, int position) {
        super("invalid-query", position > 0 ? message + " (at position " + position + ")" : message);
        this.position = position;
    }

    /** The 1-based position of the problem in the query text, or 0 if it has none. */
    public int position() {
        return position;
    }
}
