package org.verso.web.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.verso.accounts.AccountId;
import org.verso.distribution.Allocation;
import org.verso.distribution.Allocations;
import org.verso.distribution.CopyRequest;
import org.verso.distribution.CopyRequests;
import org.verso.distribution.Edition;
import org.verso.distribution.EditionId;
import org.verso.distribution.Editions;
import org.verso.distribution.Funder;
import org.verso.distribution.FunderId;
import org.verso.distribution.Funders;
import org.verso.distribution.Location;
import org.verso.distribution.LocationId;
import org.verso.distribution.Locations;
import org.verso.distribution.PrintRun;
import org.verso.distribution.PrintRuns;
import org.verso.distribution.Recipient;
import org.verso.distribution.RecipientId;
import org.verso.distribution.RecipientKind;
import org.verso.distribution.Recipients;
import org.verso.distribution.Shipment;
import org.verso.distribution.ShipmentId;
import org.verso.distribution.ShipmentReceipts;
import org.verso.distribution.ShipmentStatus;
import org.verso.distribution.Shipments;
import org.verso.library.LanguageTag;
import org.verso.translation.Revision;

/**
 * The distribution half of the story, as logistics does it through the distribution services: two funders, two
 * editions (the Russian charter's revision 1 and the English kit), print runs paid half by each funder and received
 * into the office's stock, recipients (a university and its branches, a ministry, a prison, a library), the ministry's
 * request, an allocation over the branches, shipments on their way and one delivered with its receipt.
 */
final class DemoDistribution {
    private static final String RUN_KEY = "demo-print-run-";

    /** The services it uses. */
    @Component
    record Services(
            Funders funders,
            Locations locations,
            Editions editions,
            PrintRuns printRuns,
            Recipients recipients,
            CopyRequests requests,
            Allocations allocations,
            Shipments shipments,
            ShipmentReceipts receipts) {}

    private final Services s;
    private final AccountId logistics;
    private final LocalDate today = LocalDate.now();

    DemoDistribution(Services services, AccountId logistics) {
        this.s = services;
        this.logistics = logistics;
    }

    void seed(Revision charterRevision) {
        Funder europe = s.funders()
                .create(new Funder.NewFunder(
                        "Council of Europe", "FR", "Joint programme JP-2026-17", "EUR", "programmes@example.coe.int"));
        Funder foundation = s.funders()
                .create(new Funder.NewFunder(
                        "Stiftung Menschenrechtsbildung", "DE", "Grant 2026/041", "EUR", "grants@example.de"));
        Location office = s.locations().create(new Location.NewLocation("Moscow office", "Myasnitskaya 13, Moscow"));
        s.locations().create(new Location.NewLocation("Kazan warehouse", "Tatarstan 7, Kazan"));

        Edition charter = s.editions()
                .create(new Edition.NewEdition(
                        "Хартия прав лиц, содержащихся под стражей в полиции",
                        DemoPeople.RUSSIAN,
                        null,
                        List.of(Edition.Item.of(charterRevision.id()))));
        Edition kit = s.editions()
                .create(new Edition.NewEdition(
                        "Police training kit on human rights (English)",
                        LanguageTag.of("en"),
                        null,
                        List.of(
                                Edition.Item.other("BROCHURE-1", "Rights of persons under arrest"),
                                Edition.Item.other("BROCHURE-2", "The use of force and firearms"),
                                Edition.Item.other("BROCHURE-3", "Interviews and the prohibition of torture"),
                                Edition.Item.other("BROCHURE-4", "Conditions of detention and custody records"),
                                Edition.Item.other("VIDEO", "Training video on a USB card"))));
        printAndReceive(charter.id(), 2000, europe.id(), foundation.id(), office.id(), "3400.00");
        printAndReceive(kit.id(), 2000, europe.id(), foundation.id(), office.id(), "9800.00");

        Recipient university = recipient("Kazan Federal University", RecipientKind.UNIVERSITY, null, "Kazan");
        List<RecipientId> branches = new ArrayList<>();
        for (String city : List.of("Naberezhnye Chelny", "Yelabuga", "Chistopol", "Almetyevsk")) {
            branches.add(recipient(
                            "Kazan Federal University, " + city + " branch",
                            RecipientKind.BRANCH,
                            university.id(),
                            city)
                    .id());
        }
        Recipient ministry =
                recipient("Ministry of Internal Affairs, training department", RecipientKind.MINISTRY, null, "Moscow");
        Recipient prison = recipient("Penal colony No. 2, education unit", RecipientKind.PRISON, null, "Tver");
        Recipient library = recipient("Russian State Library", RecipientKind.LIBRARY, null, "Moscow");

        // the ministry asks for 500 charters; they are on their way
        CopyRequest request = s.requests()
                .create(
                        new CopyRequest.NewRequest(
                                ministry.id(), charter.id(), 500, "Colonel N. Sidorov", "For the police academies."),
                        logistics);
        ShipmentId toMinistry =
                shipment(office.id(), ministry.id(), charter.id(), 500, europe.id(), "DHL", "JD014600003RU");
        s.requests().link(request.id(), toMinistry);
        advance(toMinistry, ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT);

        // the prison's 100 charters arrived: the receipt was sent through its link
        ShipmentId toPrison =
                shipment(office.id(), prison.id(), charter.id(), 100, foundation.id(), "Russian Post", "RA123456789RU");
        advance(toPrison, ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED);
        var link = s.receipts().issue(toPrison, Duration.ofDays(30), logistics);
        s.receipts()
                .submit(
                        link.token(),
                        new ShipmentReceipts.ReceiptForm(
                                "Received by the education unit.",
                                List.of(new ShipmentReceipts.Count(1, 100, 0, 0, null))));

        // the library's 50 charters are packed
        ShipmentId toLibrary = shipment(office.id(), library.id(), charter.id(), 50, foundation.id(), null, null);
        advance(toLibrary, ShipmentStatus.PACKED);

        // 400 kits over the university's branches, sent on behalf of the university
        List<Allocation.Part> parts =
                branches.stream().map(b -> new Allocation.Part(b, null, null)).toList();
        Allocation allocation = s.allocations()
                .create(
                        new Allocation.NewAllocation(
                                kit.id(),
                                office.id(),
                                europe.id(),
                                400,
                                Allocation.Method.EQUAL,
                                "Kazan Federal University",
                                parts),
                        logistics);
        List<Allocation.Share> shares =
                s.allocations().plan(allocation.id(), logistics).shares();
        advance(shares.get(0).shipment(), ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT);
        advance(shares.get(1).shipment(), ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED);
    }

    private void printAndReceive(
            EditionId edition, int copies, FunderId first, FunderId second, LocationId at, String cost) {
        PrintRun run = s.printRuns()
                .create(new PrintRun.NewPrintRun(
                        edition,
                        copies,
                        "Pechatny Dvor, Saint Petersburg",
                        today.minusDays(60),
                        today.minusDays(20),
                        new BigDecimal(cost),
                        "EUR",
                        List.of(PrintRun.Share.of(first, copies / 2), PrintRun.Share.of(second, copies - copies / 2))));
        s.printRuns()
                .receive(
                        run.id(),
                        RUN_KEY + run.id(),
                        new PrintRun.Receipt(at, copies, today.minusDays(18), null, false),
                        logistics);
    }

    private Recipient recipient(String name, RecipientKind kind, RecipientId parent, String city) {
        String region =
                switch (city) {
                    case "Moscow" -> "Moscow";
                    case "Tver" -> "Tver Oblast";
                    default -> "Republic of Tatarstan";
                };
        return s.recipients()
                .create(new Recipient.NewRecipient(
                        name, kind, parent, region, city, null, "+7 000 000-00-00 (demo)", DemoPeople.RUSSIAN));
    }

    private ShipmentId shipment(
            LocationId from,
            RecipientId to,
            EditionId edition,
            int copies,
            FunderId funder,
            String carrier,
            String tracking) {
        return s.shipments()
                .create(
                        new Shipment.NewShipment(
                                from,
                                to,
                                "Verso demo programme",
                                carrier,
                                tracking,
                                List.of(new Shipment.NewLine(edition, copies, funder))),
                        logistics)
                .id();
    }

    private void advance(ShipmentId shipment, ShipmentStatus... steps) {
        for (ShipmentStatus step : steps) {
            s.shipments().changeStatus(shipment, new Shipment.StatusChange(step, null, null), null, logistics);
        }
    }
}
