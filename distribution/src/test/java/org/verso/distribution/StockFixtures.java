package org.verso.distribution;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.verso.accounts.AccountId;
import org.verso.distribution.Edition.Item;
import org.verso.distribution.Edition.NewEdition;
import org.verso.distribution.Funder.NewFunder;
import org.verso.distribution.Location.NewLocation;
import org.verso.distribution.PrintRun.NewPrintRun;
import org.verso.distribution.PrintRun.Receipt;
import org.verso.distribution.PrintRun.Share;
import org.verso.library.LanguageTag;

/** Funders, locations, editions and received print runs with names of their own, through the module's API. */
@org.springframework.stereotype.Component
class StockFixtures {
    private final Funders funders;
    private final Locations locations;
    private final Editions editions;
    private final PrintRuns printRuns;
    private final Stock stock;

    StockFixtures(Funders funders, Locations locations, Editions editions, PrintRuns printRuns, Stock stock) {
        this.funders = funders;
        this.locations = locations;
        this.editions = editions;
        this.printRuns = printRuns;
        this.stock = stock;
    }

    static final AccountId CLERK = new AccountId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    Funder funder(String name) {
        return funders.create(new NewFunder(unique(name), "DE", "grant 7", "EUR", "grants@example.org"));
    }

    Location location(String name) {
        return locations.create(new NewLocation(unique(name), "Nevsky prospekt 1, St. Petersburg"));
    }

    Edition edition(String title) {
        return editions.create(new NewEdition(
                unique(title), LanguageTag.of("ru"), null, List.of(Item.other("DVD-1", "the video on DVD"))));
    }

    PrintRun order(Edition edition, Share... shares) {
        int quantity = List.of(shares).stream().mapToInt(Share::copies).sum();
        return printRuns.create(new NewPrintRun(
                edition.id(), quantity, "Printer Ltd", LocalDate.of(2026, 3, 1), null, null, null, List.of(shares)));
    }

    /** An edition printed for the funders' shares and received in full at {@code location}. */
    PrintRun received(Edition edition, Location location, Share... shares) {
        PrintRun run = order(edition, shares);
        printRuns.receive(
                run.id(),
                UUID.randomUUID().toString(),
                new Receipt(location.id(), run.quantity(), LocalDate.of(2026, 4, 1), null, false),
                CLERK);
        return printRuns.get(run.id());
    }

    Stock.Recorded dispatch(Edition edition, Location location, FunderId funder, int copies) {
        return stock.record(
                UUID.randomUUID().toString(),
                new StockCommand(
                        MovementType.DISPATCHED, edition.id(), location.id(), null, funder, copies, null, null),
                CLERK);
    }

    int balance(Edition edition, Location location, Funder funder) {
        return stock.balance(new StockItem(edition.id(), location.id(), funder.id()));
    }
}
