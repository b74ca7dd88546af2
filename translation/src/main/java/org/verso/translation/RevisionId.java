package org.verso.translation;

import java.util.Objects;
import java.util.UUID;

/** Identity of a revision: an immutable snapshot of an approved translation, what gets printed. */
public record RevisionId(UUID value) {
    public RevisionId {
        Objects.requireNonNull(value, "revision id");
    }

    public static RevisionId random() {
        return new RevisionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
