package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of an allocation. */
public record AllocationId(UUID value) {
    public AllocationId {
        Objects.requireNonNull(value, "allocation id");
    }

    public static AllocationId random() {
        return new AllocationId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static AllocationId parse(String text) {
        return new AllocationId(Ids.uuid(text, "allocation"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
