package org.verso.distribution;

import java.util.Objects;

/** Where copies are held: the office, a printer's warehouse, a partner's store. */
public record Location(LocationId id, String name, String address) {
    public Location {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    public record NewLocation(String name, String address) {
        public NewLocation {
            name = Text.required(name, "name", 300);
            address = Text.required(address, "address", 1000);
        }
    }
}
