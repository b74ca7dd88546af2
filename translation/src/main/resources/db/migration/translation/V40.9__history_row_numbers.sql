-- Lighter writes of a segment's history (docs/translation.md, "History rows by number"): an import saves thousands
-- of targets in one transaction, and H2 writes every index of a row on each insert.
-- A segment's history is written far more often than read, and never read by its id: its rows are numbered in the
-- order they are written (a growing BIGINT instead of a random UUID), so H2 keeps each row under that number with
-- no index of its own for the key, and new rows append instead of landing at random places. The table is rebuilt;
-- its rows keep their order.
CREATE TABLE translation_target_history_numbered (
    id             BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    translation_id UUID          NOT NULL,
    segment_id     UUID          NOT NULL,
    target         TEXT          NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    version        INTEGER       NOT NULL,
    actor          UUID          NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    review_comment VARCHAR(2000),
    origin         VARCHAR(16)
);

INSERT INTO translation_target_history_numbered
        (translation_id, segment_id, target, status, version, actor, at, review_comment, origin)
    SELECT translation_id, segment_id, target, status, version, actor, at, review_comment, origin
    FROM translation_target_history
    ORDER BY at, version;

DROP TABLE translation_target_history;

ALTER TABLE translation_target_history_numbered RENAME TO translation_target_history;

CREATE INDEX translation_target_history_ix ON translation_target_history (translation_id, segment_id, at);
