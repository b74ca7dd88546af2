package org.verso.library;

/** The input is larger than the configured limit. */
public class TooLargeException extends DomainException {
    public TooLargeException(String code, String message) {
        super(code, message);
    }

    public TooLargeException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
