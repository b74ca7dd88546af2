package org.verso.library;

/** The input is malformed or breaks a rule; the message says which and why. */
public class InvalidInputException extends DomainException {
    public InvalidInputException(String code, String message) {
        super(code, message);
    }

    public InvalidInputException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
