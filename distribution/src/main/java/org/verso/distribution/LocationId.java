package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of a location where copies are held. */
public record LocationId(UUID value) {
    public LocationId {
        Objects.requireNonNull(value, "location id");
    }

    public static LocationId random() {
        return new LocationId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static LocationId parse(String text) {
        return new LocationId(Ids.uuid(text, "location"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
