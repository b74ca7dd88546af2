package org.verso.library;

import java.util.Map;
import java.util.Objects;

/**
 * Base of the unchecked exceptions every domain module throws for a user's mistake or a conflict. Only the web layer
 * turns them into answers: each subclass family maps to one HTTP status, and {@link #code()} becomes the stable
 * problem type.
 */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    protected DomainException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A stable, lower-case, dash-separated name of this kind of problem, such as {@code username-taken}. */
    public String code() {
        return code;
    }

    /**
     * Facts a client may act on, added to the problem detail as its extension members (such as the copies left when
     * stock runs short); empty by default. Values are strings, numbers, lists or maps of them.
     */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
