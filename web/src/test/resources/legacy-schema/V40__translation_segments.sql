-- Translation: the segments of each ingested file, and the state of its segmentation. Only the translation module
-- reads these tables.

-- One row per ingested file: pending until segmented, or failed with the reason (segmentation never fails ingest).
CREATE TABLE translation_file (
    document_id   UUID          NOT NULL,
    file_sha256   VARCHAR(64)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    media_type    VARCHAR(200)  NOT NULL,
    language      VARCHAR(35),
    state         VARCHAR(20)   NOT NULL,
    round_trip    BOOLEAN       NOT NULL,
    format        VARCHAR(40),
    segment_count INTEGER       NOT NULL,
    reason_code   VARCHAR(60),
    reason        VARCHAR(1000),
    attempts      INTEGER       NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT translation_file_pk PRIMARY KEY (document_id, file_sha256),
    CONSTRAINT translation_file_state_ck CHECK (state IN ('PENDING', 'SEGMENTED', 'FAILED'))
);

CREATE INDEX translation_file_state_ix ON translation_file (state);

-- The segments of a file in document order; source is Verso's inline markup (codes as <g>/<x>/<bx>/<ex>).
CREATE TABLE translation_segment (
    id          UUID         NOT NULL PRIMARY KEY,
    document_id UUID         NOT NULL,
    file_sha256 VARCHAR(64)  NOT NULL,
    seq         INTEGER      NOT NULL,
    unit_id     VARCHAR(255) NOT NULL,
    source      TEXT         NOT NULL,
    plain_text  TEXT         NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT translation_segment_position_uq UNIQUE (document_id, file_sha256, seq),
    CONSTRAINT translation_segment_file_fk FOREIGN KEY (document_id, file_sha256)
        REFERENCES translation_file (document_id, file_sha256),
    CONSTRAINT translation_segment_status_ck
        CHECK (status IN ('NEW', 'DRAFT', 'TRANSLATED', 'APPROVED', 'REJECTED'))
);
