package org.verso.library;

/** The caller may not do this, whatever the input (for example a path outside the allowed import roots). */
public class ForbiddenOperationException extends DomainException {
    public ForbiddenOperationException(String code, String message) {
        super(code, message);
    }

    public ForbiddenOperationException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
