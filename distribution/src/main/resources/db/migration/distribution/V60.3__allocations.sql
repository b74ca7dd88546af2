-- Allocations (issue 16): N copies of an edition split over recipients (equally, by weight or by hand), reviewed as a
-- draft and then planned as one shipment per recipient. See docs/distribution.md, "Allocations".
CREATE TABLE dist_allocation (
    id               UUID          NOT NULL PRIMARY KEY,
    edition_id       UUID          NOT NULL,
    location_id      UUID          NOT NULL,
    funder_id        UUID,
    copies           INTEGER       NOT NULL,
    method           VARCHAR(20)   NOT NULL,
    sender_of_record VARCHAR(300)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    created_by       UUID          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    planned_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dist_allocation_edition_fk FOREIGN KEY (edition_id) REFERENCES dist_edition (id),
    CONSTRAINT dist_allocation_location_fk FOREIGN KEY (location_id) REFERENCES dist_location (id),
    CONSTRAINT dist_allocation_funder_fk FOREIGN KEY (funder_id) REFERENCES dist_funder (id),
    CONSTRAINT dist_allocation_copies_ck CHECK (copies > 0)
);

CREATE TABLE dist_allocation_share (
    allocation_id UUID    NOT NULL,
    position      INTEGER NOT NULL,
    recipient_id  UUID    NOT NULL,
    weight        INTEGER NOT NULL,
    copies        INTEGER NOT NULL,
    shipment_id   UUID,
    CONSTRAINT dist_allocation_share_pk PRIMARY KEY (allocation_id, position),
    CONSTRAINT dist_allocation_share_recipient_uq UNIQUE (allocation_id, recipient_id),
    CONSTRAINT dist_allocation_share_allocation_fk FOREIGN KEY (allocation_id) REFERENCES dist_allocation (id),
    CONSTRAINT dist_allocation_share_recipient_fk FOREIGN KEY (recipient_id) REFERENCES dist_recipient (id),
    CONSTRAINT dist_allocation_share_shipment_fk FOREIGN KEY (shipment_id) REFERENCES dist_shipment (id),
    CONSTRAINT dist_allocation_share_copies_ck CHECK (copies >= 0 AND weight >= 0)
);
