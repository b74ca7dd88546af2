package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of a print run, an order of copies of an edition from a printer. */
public record PrintRunId(UUID value) {
    public PrintRunId {
        Objects.requireNonNull(value, "print run id");
    }

    public static PrintRunId random() {
        return new PrintRunId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static PrintRunId parse(String text) {
        return new PrintRunId(Ids.uuid(text, "print run"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
