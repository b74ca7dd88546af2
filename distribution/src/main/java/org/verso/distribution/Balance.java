package org.verso.distribution;

/**
 * The copies of one edition at one location paid by one funder, with the names to show.
 *
 * @param quantity the copies on hand
 * @param reserved of them, the copies held back for planned and packed shipments ({@link Reservations}: this funder's
 *     lines, and its part of the lines that name no funder)
 * @param available on hand and not reserved ({@code quantity − reserved}, never below 0)
 */
public record Balance(
        EditionId edition,
        String editionTitle,
        LocationId location,
        String locationName,
        FunderId funder,
        String funderName,
        int quantity,
        int reserved,
        int available) {
    /** A balance with nothing reserved. */
    public Balance(
            EditionId edition,
            String editionTitle,
            LocationId location,
            String locationName,
            FunderId funder,
            String funderName,
            int quantity) {
        this(edition, editionTitle, location, locationName, funder, funderName, quantity, 0, quantity);
    }

    Balance reserving(int copies) {
        return new Balance(
                edition,
                editionTitle,
                location,
                locationName,
                funder,
                funderName,
                quantity,
                copies,
                Math.max(0, quantity - copies));
    }
}
