package org.verso.distribution;

/** The copies of one edition at one location paid by one funder, with the names to show. */
public record Balance(
        EditionId edition,
        String editionTitle,
        LocationId location,
        String locationName,
        FunderId funder,
        String funderName,
        int quantity) {}
