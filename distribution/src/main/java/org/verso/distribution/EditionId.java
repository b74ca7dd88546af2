package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of an edition, a print-ready product in one language. */
public record EditionId(UUID value) {
    public EditionId {
        Objects.requireNonNull(value, "edition id");
    }

    public static EditionId random() {
        return new EditionId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static EditionId parse(String text) {
        return new EditionId(Ids.uuid(text, "edition"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
