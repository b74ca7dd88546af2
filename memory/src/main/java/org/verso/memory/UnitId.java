package org.verso.memory;

import java.util.Objects;
import java.util.UUID;

/** Identity of a translation-memory unit. */
public record UnitId(UUID value) {
    public UnitId {
        Objects.requireNonNull(value, "unit id");
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
