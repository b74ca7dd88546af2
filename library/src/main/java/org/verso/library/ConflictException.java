package org.verso.library;

/** The request conflicts with the current state: someone else got there first, or the thing already exists. */
public class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }

    public ConflictException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
