package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verso.distribution.DonorReport.Count;
import org.verso.distribution.Edition.Item;
import org.verso.distribution.Edition.NewEdition;
import org.verso.distribution.PrintRun.Share;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.distribution.Shipment.NewLine;
import org.verso.distribution.Shipment.NewShipment;
import org.verso.distribution.Shipment.StatusChange;
import org.verso.library.LanguageTag;
import org.verso.translation.Revision;
import org.verso.translation.RevisionId;

/**
 * Donor reports and erratum traceability over one scenario: a print run of 1,000 copies paid 600 / 400 by two funders,
 * four shipments (delivered; received with damaged and missing copies; still in transit; returned); on H2 and PostgreSQL.
 */
@SpringBootTest(classes = DistributionTestApplication.class)
abstract class DonorReportsContract {
    @Autowired
    DonorReports reports;

    @Autowired
    DonorReportFiles files;

    @Autowired
    Traces traces;

    @Autowired
    Shipments shipments;

    @Autowired
    ShipmentReceipts receipts;

    @Autowired
    Recipients recipients;

    @Autowired
    Editions editions;

    @Autowired
    InMemoryRevisions revisions;

    @Autowired
    StockFixtures given;

    @Autowired
    Dashboards dashboards;

    @Autowired
    CopyRequests requests;

    @Autowired
    JdbcClient db;

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).plusDays(1);

    Funder fund;
    Funder trust;
    Revision revision;
    Edition edition;
    PrintRun run;
    Recipient kazan;
    Recipient moscow;
    Shipment delivered;
    Shipment damaged;
    Shipment onItsWay;
    Shipment back;

    @BeforeEach
    void scenario() {
        fund = given.funder("Human Rights Fund");
        trust = given.funder("Civic Trust");
        var office = given.location("Office");
        revision = revisions.approve("ru");
        edition = editions.create(new NewEdition(
                StockFixtures.unique("Хартия"), LanguageTag.of("ru"), null, List.of(Item.of(revision.id()))));
        run = given.received(edition, office, Share.of(fund.id(), 600), Share.of(trust.id(), 400));
        kazan = recipient("Казанский университет", RecipientKind.UNIVERSITY, "Татарстан", "Казань");
        moscow = recipient("Moscow branch", RecipientKind.BRANCH, "Moscow region", "Moscow");

        delivered = ship(office, kazan, 300, fund.id());
        step(delivered, ShipmentStatus.DISPATCHED);
        step(delivered, ShipmentStatus.IN_TRANSIT);
        step(delivered, ShipmentStatus.DELIVERED);

        damaged = ship(office, moscow, 100, null);
        step(damaged, ShipmentStatus.DISPATCHED);
        var link = receipts.issue(damaged.id(), ShipmentReceipts.DEFAULT_VALIDITY, StockFixtures.CLERK);
        receipts.submit(
                link.token(),
                new ShipmentReceipts.ReceiptForm("wet box", List.of(new ShipmentReceipts.Count(1, 80, 12, 8, "wet"))));

        onItsWay = ship(office, kazan, 50, fund.id());
        step(onItsWay, ShipmentStatus.DISPATCHED);

        back = ship(office, moscow, 20, trust.id());
        step(back, ShipmentStatus.DISPATCHED);
        step(back, ShipmentStatus.IN_TRANSIT);
        step(back, ShipmentStatus.RETURNED);
    }

    Recipient recipient(String name, RecipientKind kind, String region, String city) {
        return recipients.create(new NewRecipient(
                StockFixtures.unique(name), kind, null, region, city, null, null, LanguageTag.of("ru")));
    }

    Shipment ship(Location from, Recipient to, int copies, FunderId funder) {
        Shipment shipment = shipments.create(
                new NewShipment(
                        from.id(),
                        to.id(),
                        "University of Kazan",
                        null,
                        null,
                        List.of(new NewLine(edition.id(), copies, funder))),
                StockFixtures.CLERK);
        step(shipment, ShipmentStatus.PACKED);
        return shipment;
    }

    void step(Shipment shipment, ShipmentStatus status) {
        shipments.changeStatus(shipment.id(), new StatusChange(status, null, null), null, StockFixtures.CLERK);
    }

    @Test
    void eachFundersReportReconcilesAndTogetherTheyCountEveryCopy() {
        DonorReport a = reports.report(fund.id(), FROM, TO);
        DonorReport b = reports.report(trust.id(), FROM, TO);

        assertThat(a.printed()).isEqualTo(600);
        assertThat(a.received()).isEqualTo(600);
        assertThat(b.printed()).isEqualTo(400);
        assertThat(a.check().holds()).isTrue();
        assertThat(a.check().accounted()).isEqualTo(600);
        assertThat(b.check().holds()).isTrue();
        assertThat(b.check().accounted()).isEqualTo(400);

        assertThat(a.inTransit()).isEqualTo(50);
        assertThat(b.inTransit()).isZero();
        assertThat(b.returned()).isEqualTo(20);
        assertThat(a.returned()).isZero();
        // the 100 copies without a funder were split over what each held at the office then (300 / 400)
        assertThat(a.inStock() + b.inStock()).isEqualTo(1000 - 300 - 100 - 50);
        assertThat(a.inStock()).isEqualTo(600 - 300 - 50 - 43);
        assertThat(a.inStockByLocation()).extracting(Count::copies).containsExactly(a.inStock());
        assertThat(a.delivered() + b.delivered()).isEqualTo(300 + 80);
        assertThat(a.damaged() + b.damaged()).isEqualTo(12);
        assertThat(a.lost() + b.lost()).isEqualTo(8);

        Map<String, Integer> regions = new HashMap<>();
        List.of(a, b)
                .forEach(r -> r.deliveredByRegion().forEach(c -> regions.merge(c.name(), c.copies(), Integer::sum)));
        assertThat(regions).containsEntry("Татарстан", 300).containsEntry("Moscow region", 80);
        assertThat(a.deliveredByCity()).extracting(Count::name).startsWith("Казань");
        assertThat(a.deliveredByKind()).extracting(Count::name).containsExactlyInAnyOrder("university", "branch");
        assertThat(a.deliveredByMonth()).extracting(Count::copies).containsExactly(a.delivered());
    }

    @Test
    void aPeriodWithoutDataIsAnEmptyReportThatHolds() {
        DonorReport report = reports.report(fund.id(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));

        assertThat(report.empty()).isTrue();
        assertThat(report.check().holds()).isTrue();
        assertThat(report.deliveredByRegion()).isEmpty();
    }

    @Test
    void aPeriodEndingBeforeItStartsAndAnUnknownFunderAreRefused() {
        assertThatThrownBy(() -> reports.report(fund.id(), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("invalid-period"));
        assertThatThrownBy(() -> reports.report(new FunderId(UUID.randomUUID()), FROM, TO))
                .isInstanceOfSatisfying(
                        DistributionNotFound.class, e -> assertThat(e.code()).isEqualTo("funder-not-found"));
    }

    @Test
    void theCsvCarriesTheFiguresAndTheCheck() throws Exception {
        byte[] csv = files.csv(reports.report(fund.id(), FROM, TO), Locale.ENGLISH);

        List<CSVRecord> rows;
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(withoutBom(new String(csv, StandardCharsets.UTF_8))))) {
            rows = parser.getRecords();
        }
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("Section")).isEqualTo("Printed");
            assertThat(r.get("Copies")).isEqualTo("600");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("Name")).isEqualTo("Holds");
            assertThat(r.get("Copies")).isEqualTo("yes");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("Section")).isEqualTo("Delivered by region");
            assertThat(r.get("Name")).isEqualTo("Татарстан");
        });
    }

    static String withoutBom(String text) {
        assertThat(text).startsWith("\uFEFF");
        return text.substring(1);
    }

    @Test
    void theXlsxCarriesTheFiguresAsNumbers() throws Exception {
        byte[] xlsx = files.xlsx(reports.report(fund.id(), FROM, TO), Locale.forLanguageTag("ru"));

        Map<String, Double> figures = new HashMap<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getCell(2) != null
                        && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && row.getCell(1).getStringCellValue().isEmpty()) {
                    figures.put(
                            row.getCell(0).getStringCellValue(), row.getCell(2).getNumericCellValue());
                }
            }
        }
        assertThat(figures)
                .containsEntry("Напечатано", 600.0)
                .containsEntry("В пути", 50.0)
                .containsEntry("На складе", 207.0);
    }

    @Test
    void thePdfIsInRussianWithTheCheck() throws Exception {
        DonorReport report = reports.report(fund.id(), FROM, TO);
        byte[] pdf = files.pdf(report, Locale.forLanguageTag("ru"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Отчёт для донора",
                            fund.name(),
                            "Напечатано",
                            "Сходится: да",
                            "600 = 600",
                            "Казань",
                            "университет");
        }
    }

    @Test
    void aRevisionLeadsToItsEditionPrintRunShipmentsAndHolders() {
        Shipment cancelled = shipments.create(
                new NewShipment(
                        delivered.location(),
                        kazan.id(),
                        "University of Kazan",
                        null,
                        null,
                        List.of(new NewLine(edition.id(), 5, null))),
                StockFixtures.CLERK);
        step(cancelled, ShipmentStatus.CANCELLED); // never left: not shipped

        Traceability trace = traces.of(revision.id());

        assertThat(trace.editions()).singleElement().satisfies(e -> {
            assertThat(e.edition()).isEqualTo(edition.id());
            assertThat(e.printRuns())
                    .extracting(Traceability.RunTrace::printRun)
                    .containsExactly(run.id());
            assertThat(e.shipments()).hasSize(5);
            assertThat(e.holders())
                    .extracting(Traceability.Holder::recipient, Traceability.Holder::copies)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(kazan.id(), 300),
                            org.assertj.core.groups.Tuple.tuple(moscow.id(), 80));
        });
        assertThat(trace.printed()).isEqualTo(1000);
        assertThat(trace.shipped()).isEqualTo(300 + 100 + 50 + 20);
        assertThat(trace.delivered()).isEqualTo(380);
        assertThat(trace.recipients()).isEqualTo(2);
    }

    @Test
    void aRevisionInNoEditionHasAnEmptyTraceAndAnUnknownOneIsNotFound() {
        assertThat(traces.of(revisions.approve("ru").id()).editions()).isEmpty();
        assertThatThrownBy(() -> traces.of(RevisionId.random()))
                .isInstanceOfSatisfying(
                        DistributionNotFound.class, e -> assertThat(e.code()).isEqualTo("revision-not-found"));
    }

    @Test
    void theDashboardShowsStockPerEditionShipmentsOnTheirWayEachFundersProgressAndTheRequestsWaiting() {
        var request = requests.create(
                new CopyRequest.NewRequest(kazan.id(), edition.id(), 500, "the deputy minister", null),
                StockFixtures.CLERK);

        Dashboard dashboard = dashboards.now();

        assertThat(dashboard.stock())
                .filteredOn(e -> e.edition().equals(edition.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.inStock()).isEqualTo(1000 - 300 - 100 - 50);
                    assertThat(e.inTransit()).isEqualTo(50);
                });
        assertThat(dashboard.onTheirWay()).isPositive();
        assertThat(dashboard.overdue()).as("dispatched today: not overdue").isEmpty();
        assertThat(dashboard.funders())
                .filteredOn(p -> p.funder().equals(fund.id()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.printed()).isEqualTo(600);
                    assertThat(p.delivered())
                            .isEqualTo(reports.report(fund.id(), FROM, TO).delivered());
                    assertThat(p.percent()).isEqualTo(Math.round(100f * p.delivered() / 600));
                });
        assertThat(dashboard.deliveriesByMonth()).extracting(Count::copies).allSatisfy(c -> assertThat(c)
                .isPositive());
        assertThat(dashboard.requestsWaiting()).isPositive();
        assertThat(dashboard.oldestRequests())
                .extracting(Dashboard.WaitingRequest::request)
                .contains(request.id());
    }

    @Test
    void aShipmentStillOnItsWayMoreThanFourteenDaysAfterItsDispatchIsOverdueAndOneDeliveredOrReturnedIsNot() {
        Instant dispatched = shipments.get(onItsWay.id()).history().stream()
                .filter(e -> e.status() == ShipmentStatus.DISPATCHED)
                .findFirst()
                .orElseThrow()
                .at();

        List<Dashboard.Waiting> before =
                dashboardAt(dispatched.plus(Dashboards.OVERDUE).minusSeconds(1)).overdue();
        List<Dashboard.Waiting> after =
                dashboardAt(dispatched.plus(Dashboards.OVERDUE).plusSeconds(1)).overdue();

        assertThat(before).extracting(Dashboard.Waiting::shipment).doesNotContain(onItsWay.id());
        assertThat(after)
                .filteredOn(w -> w.shipment().equals(onItsWay.id()))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.recipient()).isEqualTo(kazan.name());
                    assertThat(w.status()).isEqualTo("dispatched");
                    assertThat(w.copies()).isEqualTo(50);
                    assertThat(w.dispatchedAt()).isEqualTo(dispatched);
                });
        assertThat(after)
                .extracting(Dashboard.Waiting::shipment)
                .as("delivered, received with discrepancies, returned: no longer on their way")
                .doesNotContain(delivered.id(), damaged.id(), back.id());
        assertThat(after).extracting(Dashboard.Waiting::dispatchedAt).isSorted();
        assertThat(after).allSatisfy(w -> assertThat(w.dispatchedAt()).isBefore(dispatched.plusSeconds(2)));
    }

    Dashboard dashboardAt(Instant now) {
        return new Dashboards(db, Clock.fixed(now, ZoneOffset.UTC)).now();
    }
}
