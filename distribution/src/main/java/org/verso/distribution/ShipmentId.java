package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of a shipment. */
public record ShipmentId(UUID value) {
    public ShipmentId {
        Objects.requireNonNull(value, "shipment id");
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static ShipmentId parse(String text) {
        return new ShipmentId(Ids.uuid(text, "shipment"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
