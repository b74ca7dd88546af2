-- The dashboard's overdue shipments (issue 16, bench ReportsBenchmark): the dispatch events oldest first, so that the
-- oldest shipments still on their way are found without reading every shipment on its way and its events (about
-- 2,000 in the benchmark: most of the dashboard's time on H2). See docs/distribution.md, "Logistics dashboard".
CREATE INDEX dist_shipment_event_status_ix ON dist_shipment_event (status, at, shipment_id);
