-- Donor reports and the dashboard at size (issue 16, bench ReportsBenchmark): without these each read the whole
-- ledger. A funder's movements in a period (the donor report; the other columns let the database answer from the
-- index alone), and the delivered movements per funder and time (deliveries by region and month, funders' progress,
-- the dashboard's months). See docs/distribution.md, "Reports at size".
CREATE INDEX dist_movement_funder_ix ON dist_movement (funder_id, moved_at, type, location_id, quantity);
CREATE INDEX dist_movement_type_ix ON dist_movement (type, funder_id, moved_at);
