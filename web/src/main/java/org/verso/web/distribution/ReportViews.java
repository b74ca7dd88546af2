package org.verso.web.distribution;

import java.time.LocalDate;
import java.util.List;
import org.verso.distribution.Dashboard;
import org.verso.distribution.DonorReport;
import org.verso.distribution.DonorReport.Count;
import org.verso.distribution.Traceability;

/** What the reports API answers: ids as text. */
final class ReportViews {
    private ReportViews() {}

    record CheckView(int printed, int accounted, boolean holds, int difference, String formula) {}

    record DonorReportView(
            String funder,
            String funderName,
            LocalDate from,
            LocalDate to,
            boolean empty,
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
            CheckView check) {
        static DonorReportView of(DonorReport r) {
            var c = r.check();
            return new DonorReportView(
                    r.funder().toString(),
                    r.funderName(),
                    r.from(),
                    r.to(),
                    r.empty(),
                    r.printed(),
                    r.received(),
                    r.inStock(),
                    r.inStockByLocation(),
                    r.inTransit(),
                    r.delivered(),
                    r.deliveredByKind(),
                    r.deliveredByRegion(),
                    r.deliveredByCity(),
                    r.deliveredByMonth(),
                    r.damaged(),
                    r.lost(),
                    r.returned(),
                    r.adjusted(),
                    new CheckView(
                            c.printed(),
                            c.accounted(),
                            c.holds(),
                            c.difference(),
                            "printed = in stock + in transit + delivered + damaged + lost + returned"));
        }
    }

    record RunView(String id, String printer, LocalDate orderedOn, int quantity, int received, String status) {}

    record ShipmentTraceView(
            String id, String recipient, String recipientName, String status, int copies, int delivered) {}

    record HolderView(String recipient, String name, String kind, String region, String city, int copies) {}

    record EditionTraceView(
            String id,
            String title,
            String language,
            List<RunView> printRuns,
            List<ShipmentTraceView> shipments,
            List<HolderView> holders) {}

    record TraceView(
            String revision, List<EditionTraceView> editions, int printed, int shipped, int delivered, int recipients) {
        static TraceView of(Traceability t) {
            return new TraceView(
                    t.revision().toString(),
                    t.editions().stream().map(TraceView::edition).toList(),
                    t.printed(),
                    t.shipped(),
                    t.delivered(),
                    t.recipients());
        }

        private static EditionTraceView edition(Traceability.EditionTrace e) {
            return new EditionTraceView(
                    e.edition().toString(),
                    e.title(),
                    e.language(),
                    e.printRuns().stream()
                            .map(r -> new RunView(
                                    r.printRun().toString(),
                                    r.printer(),
                                    r.orderedOn(),
                                    r.quantity(),
                                    r.received(),
                                    r.status()))
                            .toList(),
                    e.shipments().stream()
                            .map(s -> new ShipmentTraceView(
                                    s.shipment().toString(),
                                    s.recipient().toString(),
                                    s.recipientName(),
                                    s.status(),
                                    s.copies(),
                                    s.delivered()))
                            .toList(),
                    e.holders().stream()
                            .map(h -> new HolderView(
                                    h.recipient().toString(), h.name(), h.kind(), h.region(), h.city(), h.copies()))
                            .toList());
        }
    }

    record EditionStockView(String edition, String title, int inStock, int inTransit) {}

    record WaitingView(String shipment, String recipient, String status, int copies, java.time.Instant dispatchedAt) {}

    record ProgressView(String funder, String name, int printed, int delivered, int percent) {}

    record RequestView(
            String request, String recipient, String edition, int copies, String status, java.time.Instant since) {}

    record DashboardView(
            List<EditionStockView> stock,
            int onTheirWay,
            List<WaitingView> overdue,
            List<Count> deliveriesByMonth,
            List<ProgressView> funders,
            int requestsWaiting,
            List<RequestView> oldestRequests) {
        static DashboardView of(Dashboard d) {
            return new DashboardView(
                    d.stock().stream()
                            .map(e ->
                                    new EditionStockView(e.edition().toString(), e.title(), e.inStock(), e.inTransit()))
                            .toList(),
                    d.onTheirWay(),
                    d.overdue().stream()
                            .map(w -> new WaitingView(
                                    w.shipment().toString(), w.recipient(), w.status(), w.copies(), w.dispatchedAt()))
                            .toList(),
                    d.deliveriesByMonth(),
                    d.funders().stream()
                            .map(p -> new ProgressView(
                                    p.funder().toString(), p.name(), p.printed(), p.delivered(), p.percent()))
                            .toList(),
                    d.requestsWaiting(),
                    d.oldestRequests().stream()
                            .map(r -> new RequestView(
                                    r.request().toString(),
                                    r.recipient(),
                                    r.edition(),
                                    r.copies(),
                                    r.status(),
                                    r.since()))
                            .toList());
        }
    }
}
