-- Requests (issue 16): a recipient (or someone on its behalf) asks for copies of an edition; open → planned →
-- fulfilled, partly fulfilled or declined, linked to the shipments that serve it. See docs/distribution.md, "Requests".
CREATE TABLE dist_request (
    id           UUID          NOT NULL PRIMARY KEY,
    recipient_id UUID          NOT NULL,
    edition_id   UUID          NOT NULL,
    copies       INTEGER       NOT NULL,
    requested_by VARCHAR(300),
    note         VARCHAR(2000),
    status       VARCHAR(20)   NOT NULL,
    reason       VARCHAR(500),
    created_by   UUID          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dist_request_recipient_fk FOREIGN KEY (recipient_id) REFERENCES dist_recipient (id),
    CONSTRAINT dist_request_edition_fk FOREIGN KEY (edition_id) REFERENCES dist_edition (id),
    CONSTRAINT dist_request_copies_ck CHECK (copies > 0)
);

CREATE INDEX dist_request_status_ix ON dist_request (status, created_at);

CREATE TABLE dist_request_shipment (
    request_id  UUID NOT NULL,
    shipment_id UUID NOT NULL,
    CONSTRAINT dist_request_shipment_pk PRIMARY KEY (request_id, shipment_id),
    CONSTRAINT dist_request_shipment_request_fk FOREIGN KEY (request_id) REFERENCES dist_request (id),
    CONSTRAINT dist_request_shipment_shipment_fk FOREIGN KEY (shipment_id) REFERENCES dist_shipment (id)
);
