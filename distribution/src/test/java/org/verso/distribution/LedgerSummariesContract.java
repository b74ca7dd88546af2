package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.verso.distribution.DonorReport.Count;
import org.verso.distribution.Ledger.Leg;
import org.verso.distribution.PrintRun.Share;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.distribution.Shipment.NewLine;
import org.verso.distribution.Shipment.NewShipment;
import org.verso.library.LanguageTag;

/**
 * The ledger's summaries against the ledger itself, after random movements written by the one ledger writer at random
 * times over 19 months: the summaries kept with each movement equal those rebuilt from the ledger, and donor reports
 * and the dashboard's months read from them equal those read from the movements one by one, for random periods whose
 * ends fall inside months.
 */
@SpringBootTest(classes = DistributionTestApplication.class)
abstract class LedgerSummariesContract {
    private static final LocalDate FIRST = LocalDate.of(2025, 6, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    LedgerSummaries summaries;

    @Autowired
    Stock stock;

    @Autowired
    DonorReports reports;

    @Autowired
    Shipments shipments;

    @Autowired
    Recipients recipients;

    @Autowired
    StockFixtures given;

    final MovingClock clock = new MovingClock();
    final Random random = new Random(16);
    final List<FunderId> funders = new ArrayList<>();

    @BeforeEach
    void randomMovements() {
        Ledger ledger = new Ledger(db, transactions, clock, summaries);
        Funder fund = given.funder("Fund");
        Funder trust = given.funder("Trust");
        funders.addAll(List.of(fund.id(), trust.id()));
        List<LocationId> locations = List.of(
                given.location("Office").id(),
                given.location("Store").id(),
                given.location("Printer").id());
        Edition edition = given.edition("Charter");
        Location office = given.location("Office");
        given.received(edition, office, Share.of(fund.id(), 60), Share.of(trust.id(), 40));
        List<String> reasons = new ArrayList<>();
        for (var kind : List.of(RecipientKind.UNIVERSITY, RecipientKind.PRISON, RecipientKind.LIBRARY)) {
            Recipient to = recipients.create(new NewRecipient(
                    StockFixtures.unique("Recipient"),
                    kind,
                    null,
                    kind == RecipientKind.PRISON ? null : "Region " + kind,
                    "City " + kind.ordinal() % 2,
                    null,
                    null,
                    LanguageTag.of("ru")));
            Shipment shipment = shipments.create(
                    new NewShipment(
                            office.id(), to.id(), "Fund", null, null, List.of(new NewLine(edition.id(), 1, null))),
                    StockFixtures.CLERK);
            reasons.add("shipment " + shipment.id().value() + ": by hand");
        }
        reasons.add("shipment " + UUID.randomUUID() + ": no such shipment");
        Map<String, Integer> held = new HashMap<>();
        long days = FIRST.until(LAST).toTotalMonths() * 31;
        for (int request = 0; request < 400; request++) {
            clock.now = FIRST.atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plus(Duration.ofMinutes(random.nextLong(days * 24 * 60)));
            FunderId funder = funders.get(random.nextInt(2));
            LocationId at = locations.get(random.nextInt(locations.size()));
            int copies = 1 + random.nextInt(30);
            List<Leg> legs = new ArrayList<>();
            int have = held.getOrDefault(at + "/" + funder, 0);
            int moving = held.getOrDefault(Shipments.IN_TRANSIT + "/" + funder, 0);
            switch (random.nextInt(6)) {
                case 0 -> legs.add(leg(MovementType.RECEIVED, edition, at, funder, copies, null));
                case 1 -> legs.add(leg(MovementType.RETURNED, edition, at, funder, copies, "came back"));
                case 2 -> {
                    if (have > 0) {
                        int n = Math.min(have, copies);
                        legs.add(leg(MovementType.DISPATCHED, edition, at, funder, -n, reasons.get(0)));
                        legs.add(
                                leg(MovementType.DISPATCHED, edition, Shipments.IN_TRANSIT, funder, n, reasons.get(0)));
                    }
                }
                case 3 -> {
                    if (moving > 0) {
                        int n = Math.min(moving, copies);
                        String reason = reasons.get(random.nextInt(reasons.size()));
                        legs.add(leg(MovementType.DELIVERED, edition, Shipments.IN_TRANSIT, funder, -n, reason));
                    }
                }
                case 4 -> {
                    if (have > 0) {
                        MovementType type = random.nextBoolean() ? MovementType.DAMAGED : MovementType.LOST;
                        legs.add(leg(type, edition, at, funder, -Math.min(have, copies), "wet"));
                    }
                }
                default -> legs.add(leg(MovementType.ADJUSTED, edition, at, funder, copies, "stocktake"));
            }
            ledger.write(UUID.randomUUID().toString(), "random", StockFixtures.CLERK, locks -> legs);
            legs.forEach(l -> held.merge(l.location() + "/" + l.funder(), l.quantity(), Integer::sum));
        }
    }

    private static Leg leg(
            MovementType type, Edition edition, LocationId location, FunderId funder, int copies, String reason) {
        return new Leg(type, edition.id(), location, funder, copies, reason, null, null);
    }

    @Test
    void theSummariesKeptWithEachMovementEqualThoseRebuiltFromTheLedger() {
        List<Map<String, Object>> movements =
                rows("dist_summary_movement", "funder_id, month_start, type, location_id");
        List<Map<String, Object>> deliveries = rows("dist_summary_delivery", "funder_id, month_start, recipient_id");
        List<Map<String, Object>> held = rows("dist_summary_stock", "edition_id, funder_id, in_transit");

        stock.rebuildSummaries();

        assertThat(rows("dist_summary_movement", "funder_id, month_start, type, location_id"))
                .isEqualTo(movements);
        assertThat(rows("dist_summary_delivery", "funder_id, month_start, recipient_id"))
                .isEqualTo(deliveries);
        assertThat(rows("dist_summary_stock", "edition_id, funder_id, in_transit"))
                .isEqualTo(held);
        assertThat(movements).hasSizeGreaterThan(50);
        assertThat(held).hasSizeGreaterThanOrEqualTo(4);
        assertThat(deliveries).hasSizeGreaterThan(10);
    }

    @Test
    void aReportFromTheSummariesEqualsTheReportFromTheLedgerForRandomPeriods() {
        List<LocalDate[]> periods = new ArrayList<>(List.of(
                new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1)},
                new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30)},
                new LocalDate[] {LocalDate.of(2025, 7, 2), LocalDate.of(2026, 3, 30)},
                new LocalDate[] {LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2)},
                new LocalDate[] {LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 27)},
                new LocalDate[] {LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10)},
                new LocalDate[] {LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)},
                new LocalDate[] {LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)}));
        long days = FIRST.minusMonths(1).until(LAST.plusMonths(1)).toTotalMonths() * 30;
        for (int i = 0; i < 40; i++) {
            LocalDate from = FIRST.minusMonths(1).plusDays(random.nextLong(days));
            periods.add(new LocalDate[] {from, from.plusDays(random.nextLong(400))});
        }
        int fromBoth = 0;
        for (LocalDate[] period : periods) {
            MonthPlan plan = MonthPlan.of(start(period[0]), start(period[1].plusDays(1)));
            fromBoth += !plan.noWholeMonths() && !plan.spans().isEmpty() ? 1 : 0;
            for (FunderId funder : funders) {
                DonorReport fromSummaries = reports.report(funder, period[0], period[1]);

                assertThat(fromSummaries)
                        .as("%s – %s", period[0], period[1])
                        .isEqualTo(reports.fromLedger(funder, period[0], period[1]));
            }
        }
        DonorReport all = reports.report(funders.get(0), LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1));
        assertThat(fromBoth)
                .as("periods read from summaries and ledger together")
                .isGreaterThan(30);
        assertThat(all.deliveredByKind()).extracting(Count::name).contains("university", "prison", "library");
        assertThat(all.deliveredByRegion()).extracting(Count::name).contains("—");
        assertThat(all.deliveredByMonth()).hasSizeGreaterThan(5);
        assertThat(all.damaged() + all.lost()).isPositive();
        assertThat(all.returned()).isPositive();
    }

    @Test
    void theDashboardsStockMonthsAndFundersProgressEqualThoseOfTheBalancesAndTheLedger() {
        Dashboards dashboards = new Dashboards(db, clock);
        for (int i = 0; i < 30; i++) {
            Instant since = FIRST.minusMonths(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plus(Duration.ofMinutes(random.nextLong(21L * 31 * 24 * 60)));

            assertThat(dashboards.deliveriesByMonth(since))
                    .as("since %s", since)
                    .isEqualTo(monthsFromLedger(since));
        }
        clock.now = Instant.now();
        Dashboard now = dashboards.now();
        assertThat(now.stock())
                .isEqualTo(db.sql("SELECT e.id, e.title,"
                                + " SUM(CASE WHEN b.location_id <> ? THEN b.quantity ELSE 0 END) AS held,"
                                + " SUM(CASE WHEN b.location_id = ? THEN b.quantity ELSE 0 END) AS moving"
                                + " FROM dist_balance b JOIN dist_edition e ON e.id = b.edition_id"
                                + " GROUP BY e.id, e.title ORDER BY e.title, e.id")
                        .params(Shipments.IN_TRANSIT.value(), Shipments.IN_TRANSIT.value())
                        .query((rs, n) -> new Dashboard.EditionStock(
                                new EditionId(rs.getObject("id", UUID.class)),
                                rs.getString("title"),
                                rs.getInt("held"),
                                rs.getInt("moving")))
                        .list());
        for (Dashboard.Progress progress : now.funders()) {
            assertThat(progress.delivered())
                    .isEqualTo(db.sql("SELECT COALESCE(SUM(-quantity), 0) FROM dist_movement WHERE funder_id = ?"
                                    + " AND location_id = ? AND type = 'DELIVERED'")
                            .params(progress.funder().value(), Shipments.IN_TRANSIT.value())
                            .query(Integer.class)
                            .single());
        }
    }

    /** As the dashboard read its months before the summaries. */
    private List<Count> monthsFromLedger(Instant since) {
        return db.sql("SELECT EXTRACT(YEAR FROM moved_at) AS y, EXTRACT(MONTH FROM moved_at) AS mo,"
                        + " SUM(-quantity) AS copies FROM dist_movement WHERE type = 'DELIVERED' AND moved_at >= ?"
                        + " GROUP BY EXTRACT(YEAR FROM moved_at), EXTRACT(MONTH FROM moved_at)"
                        + " ORDER BY EXTRACT(YEAR FROM moved_at), EXTRACT(MONTH FROM moved_at)")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Count(
                        String.format(Locale.ROOT, "%04d-%02d", rs.getInt("y"), rs.getInt("mo")), rs.getInt("copies")))
                .list();
    }

    private List<Map<String, Object>> rows(String table, String key) {
        return db.sql("SELECT * FROM " + table + " ORDER BY " + key).query().listOfRows();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A clock the test sets. */
    static final class MovingClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
