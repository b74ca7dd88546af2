package org.verso.web.users;

import org.verso.library.InvalidInputException;

/** A request about a user account is malformed: names the field and says what is wrong with it. */
public class InvalidUserInput extends InvalidInputException {
    private final String field;

    public InvalidUserInput(String field, String message) {
        super("invalid-user", message);
        this.field = field;
    }

    /** The name of the offending field, as in the API. */
    public String field() {
        return field;
    }
}
