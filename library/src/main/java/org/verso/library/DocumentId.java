package org.verso.library;

import java.util.Objects;
import java.util.UUID;

/** Identity of a document in the catalogue. */
public record DocumentId(UUID value) {
    public DocumentId {
        Objects.requireNonNull(value, "document id");
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    /** Parses the text form; throws {@link InvalidInputException} ({@code invalid-document-id}) when malformed. */
    public static DocumentId parse(String text) {
        try {
            return new DocumentId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("invalid-document-id", "not a document id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
