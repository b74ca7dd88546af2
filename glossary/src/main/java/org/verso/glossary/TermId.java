package org.verso.glossary;

import java.util.Objects;
import java.util.UUID;
import org.verso.library.InvalidInputException;

/** The id of a glossary term. */
public record TermId(UUID value) {
    public TermId {
        Objects.requireNonNull(value, "value");
    }

    public static TermId random() {
        return new TermId(UUID.randomUUID());
    }

    /** Parses a UUID; throws {@link InvalidInputException} ({@code invalid-term-id}) when malformed. */
    public static TermId parse(String text) {
        try {
            return new TermId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-term-id", "not a term id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
