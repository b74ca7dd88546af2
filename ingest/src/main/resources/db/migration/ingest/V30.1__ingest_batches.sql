-- Ingest: every way a file comes in (upload, folder import, inbox, retry) is a batch of items run by one Spring Batch
-- job (identified by the batch id). An item is one file and its outcome; the rows are the ingest history.
CREATE TABLE ingest_batch (
    id               UUID          NOT NULL PRIMARY KEY,
    source           VARCHAR(10)   NOT NULL,
    folder           VARCHAR(4000),
    document_id      UUID,
    requested_by     VARCHAR(64),
    listed           BOOLEAN       NOT NULL,
    job_execution_id BIGINT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ingest_batch_created_ix ON ingest_batch (created_at);

CREATE TABLE ingest_item (
    id            UUID          NOT NULL PRIMARY KEY,
    batch_id      UUID          NOT NULL,
    seq           INTEGER       NOT NULL,
    source_path   VARCHAR(4000),
    name          VARCHAR(2000) NOT NULL,
    sha256        VARCHAR(64),
    size_bytes    BIGINT,
    status        VARCHAR(10)   NOT NULL,
    reason_code   VARCHAR(40),
    reason        VARCHAR(1000),
    media_type    VARCHAR(200),
    document_id   UUID,
    millis        BIGINT,
    finished_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ingest_item_batch_fk FOREIGN KEY (batch_id) REFERENCES ingest_batch (id),
    CONSTRAINT ingest_item_seq_uq UNIQUE (batch_id, seq)
);

CREATE INDEX ingest_item_status_ix ON ingest_item (batch_id, status, seq);
CREATE INDEX ingest_item_sha_ix ON ingest_item (sha256);
