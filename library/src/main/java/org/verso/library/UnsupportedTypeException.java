package org.verso.library;

/** The input is of a type Verso does not accept here. */
public class UnsupportedTypeException extends DomainException {
    public UnsupportedTypeException(String code, String message) {
        super(code, message);
    }

    public UnsupportedTypeException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
