package org.verso.distribution;

/** Which balances or movements to list; {@code null} fields match everything. */
public record StockFilter(EditionId edition, LocationId location, FunderId funder) {
    public static final StockFilter ALL = new StockFilter(null, null, null);
}
