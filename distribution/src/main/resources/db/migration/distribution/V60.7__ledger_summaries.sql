-- Sums of the ledger kept in step with it (issue 16's speed on H2; docs/distribution.md, "Ledger summaries"): the
-- donor reports and the dashboard read whole months from here instead of the funder's movements one by one. Written
-- by Ledger in each movement's transaction (LedgerSummaries), rebuilt from the ledger by Stock.rebuildSummaries().
-- Months are UTC months, month_start their first day.

-- a funder's movements per month, type and location: net copies, copies in (positive legs), movements
CREATE TABLE dist_summary_movement (
    funder_id   UUID        NOT NULL,
    month_start DATE        NOT NULL,
    type        VARCHAR(20) NOT NULL,
    location_id UUID        NOT NULL,
    quantity    BIGINT      NOT NULL,
    ins         BIGINT      NOT NULL,
    movements   BIGINT      NOT NULL,
    CONSTRAINT dist_summary_movement_pk PRIMARY KEY (funder_id, month_start, type, location_id)
);
CREATE INDEX dist_summary_movement_type_ix ON dist_summary_movement (type, funder_id, month_start);

-- a funder's delivered copies per month and recipient (through the shipment the movement's reason names)
CREATE TABLE dist_summary_delivery (
    funder_id    UUID   NOT NULL,
    month_start  DATE   NOT NULL,
    recipient_id UUID   NOT NULL,
    copies       BIGINT NOT NULL,
    movements    BIGINT NOT NULL,
    CONSTRAINT dist_summary_delivery_pk PRIMARY KEY (funder_id, month_start, recipient_id)
);

INSERT INTO dist_summary_movement (funder_id, month_start, type, location_id, quantity, ins, movements)
SELECT funder_id, CAST(DATE_TRUNC('MONTH', moved_at AT TIME ZONE 'UTC') AS DATE), type, location_id, SUM(quantity),
       SUM(CASE WHEN quantity > 0 THEN quantity ELSE 0 END), COUNT(*)
  FROM dist_movement
 GROUP BY funder_id, CAST(DATE_TRUNC('MONTH', moved_at AT TIME ZONE 'UTC') AS DATE), type, location_id;

INSERT INTO dist_summary_delivery (funder_id, month_start, recipient_id, copies, movements)
SELECT d.funder_id, d.month_start, s.recipient_id, SUM(d.copies), SUM(d.movements)
  FROM (SELECT funder_id, CAST(DATE_TRUNC('MONTH', moved_at AT TIME ZONE 'UTC') AS DATE) AS month_start,
               SUBSTRING(reason, 10, 36) AS shipment, SUM(-quantity) AS copies, COUNT(*) AS movements
          FROM dist_movement WHERE type = 'DELIVERED' AND reason LIKE 'shipment %'
         GROUP BY funder_id, CAST(DATE_TRUNC('MONTH', moved_at AT TIME ZONE 'UTC') AS DATE), SUBSTRING(reason, 10, 36)) d
  JOIN dist_shipment s ON s.id = CAST(d.shipment AS UUID)
 GROUP BY d.funder_id, d.month_start, s.recipient_id;

-- copies of an edition per funder at the locations and in transit (the dashboard's stock per edition)
CREATE TABLE dist_summary_stock (
    edition_id UUID    NOT NULL,
    funder_id  UUID    NOT NULL,
    in_transit BOOLEAN NOT NULL,
    quantity   BIGINT  NOT NULL,
    CONSTRAINT dist_summary_stock_pk PRIMARY KEY (edition_id, funder_id, in_transit)
);

INSERT INTO dist_summary_stock (edition_id, funder_id, in_transit, quantity)
SELECT edition_id, funder_id, location_id = CAST('00000000-0000-0000-0000-00000000d157' AS UUID), SUM(quantity)
  FROM dist_movement
 GROUP BY edition_id, funder_id, location_id = CAST('00000000-0000-0000-0000-00000000d157' AS UUID);
