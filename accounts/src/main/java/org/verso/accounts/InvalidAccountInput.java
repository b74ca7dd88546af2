package org.verso.accounts;

import org.verso.library.InvalidInputException;

/** A request about an account is malformed: names the field and says what is wrong with it. */
public class InvalidAccountInput extends InvalidInputException {
    private final String field;

    public InvalidAccountInput(String field, String message) {
        super("invalid-user", message);
        this.field = field;
    }

    /** The name of the offending field, as in the API. */
    public String field() {
        return field;
    }
}
