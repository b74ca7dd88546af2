package org.verso.distribution;

import java.time.LocalDate;
import java.util.List;

/**
 * Where one funder's copies went in a period (docs/distribution.md, "Donor report"). Every figure counts copies of the
 * funder's shares: {@code printed} from the print runs ordered in the period, the rest from the ledger's movements
 * dated in it (for a period covering everything, {@code inStock} and {@code inTransit} are today's balances).
 *
 * @param received copies that came in from the printers
 * @param inStock copies at the locations (not in transit), returned copies included
 * @param returned copies that came back to a location
 * @param adjusted the stocktakes' signed corrections
 * @param check printed = (in stock − returned) + in transit + delivered + damaged + lost + returned
 */
public record DonorReport(
        FunderId funder,
        String funderName,
        LocalDate from,
        LocalDate to,
        int printed,
        int received,
        int inStock,
        List<Count> inStockByLocation,
        int inTransit,
        int delivered,
        List<Count> deliveredByKind,
        List<Count> deliveredByRegion,
        List<Count> deliveredByCity,
        List<Count> deliveredByMonth,
        int damaged,
        int lost,
        int returned,
        int adjusted,
        Check check) {
    public DonorReport {
        inStockByLocation = List.copyOf(inStockByLocation);
        deliveredByKind = List.copyOf(deliveredByKind);
        deliveredByRegion = List.copyOf(deliveredByRegion);
        deliveredByCity = List.copyOf(deliveredByCity);
        deliveredByMonth = List.copyOf(deliveredByMonth);
    }

    /** Copies under one name: a location, a recipient kind, a region, a city or a month ({@code 2026-04}). */
    public record Count(String name, int copies) {}

    /**
     * The reconciliation: {@code accounted} = in stock (returned copies counted once, as returned) + in transit +
     * delivered + damaged + lost + returned; it holds when it equals {@code printed}.
     */
    public record Check(int printed, int accounted, boolean holds, int difference) {
        static Check of(int printed, int accounted) {
            return new Check(printed, accounted, printed == accounted, printed - accounted);
        }
    }

    /** True when the period has no print run and no movement of the funder. */
    public boolean empty() {
        return printed == 0
                && received == 0
                && inStockByLocation.isEmpty()
                && inTransit == 0
                && delivered == 0
                && damaged == 0
                && lost == 0
                && returned == 0
                && adjusted == 0;
    }
}
