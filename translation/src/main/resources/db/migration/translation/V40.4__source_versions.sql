-- Translation: a new version of a document's file. Its segments take over from the old file's (superseded_by), every
-- translation of the document carries its targets over (unchanged, changed, new, removed), and what happened is
-- kept: the counts of each change, each translation's progress before and after, and the removed segments' last
-- targets. (V40.3 is left to the quality checks' branch.)
ALTER TABLE translation_file ADD COLUMN superseded_by VARCHAR(64);

-- The source a changed segment had when it was translated, kept until the translation is confirmed (for the diff).
ALTER TABLE translation_target ADD COLUMN previous_source TEXT;

-- The history of a removed segment stays, pointing at the old segment, once its target has left the translation.
ALTER TABLE translation_target_history DROP CONSTRAINT translation_target_history_fk;

CREATE TABLE translation_source_change (
    id          UUID        NOT NULL PRIMARY KEY,
    document_id UUID        NOT NULL,
    old_file    VARCHAR(64) NOT NULL,
    new_file    VARCHAR(64) NOT NULL,
    unchanged   INTEGER     NOT NULL,
    changed     INTEGER     NOT NULL,
    added       INTEGER     NOT NULL,
    removed     INTEGER     NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT translation_source_change_file_uq UNIQUE (document_id, new_file)
);

-- Each translation's progress (segments translated or approved, of all) before and after a change.
CREATE TABLE translation_source_carry (
    change_id      UUID    NOT NULL REFERENCES translation_source_change (id),
    translation_id UUID    NOT NULL REFERENCES translation_work (id),
    before_done    INTEGER NOT NULL,
    before_total   INTEGER NOT NULL,
    after_done     INTEGER NOT NULL,
    after_total    INTEGER NOT NULL,
    CONSTRAINT translation_source_carry_pk PRIMARY KEY (change_id, translation_id)
);

-- The segments a new version removed, with the target each translation had for them.
CREATE TABLE translation_removed_target (
    change_id      UUID        NOT NULL REFERENCES translation_source_change (id),
    translation_id UUID        NOT NULL REFERENCES translation_work (id),
    segment_id     UUID        NOT NULL,
    seq            INTEGER     NOT NULL,
    source         TEXT        NOT NULL,
    target         TEXT        NOT NULL,
    status         VARCHAR(20) NOT NULL,
    version        INTEGER     NOT NULL,
    CONSTRAINT translation_removed_target_pk PRIMARY KEY (change_id, translation_id, segment_id)
);
