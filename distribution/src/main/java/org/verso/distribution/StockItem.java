package org.verso.distribution;

import java.util.Objects;

/** One balance of the ledger: an edition at a location paid by a funder. */
public record StockItem(EditionId edition, LocationId location, FunderId funder) {
    public StockItem {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(funder, "funder");
    }
}
