-- Translation work: translations (document x target language), their claims, per-translation segment targets with
-- optimistic versions, the history of every change, and the immutable revisions of approved translations.

CREATE TABLE translation_work (
    id              UUID          NOT NULL PRIMARY KEY,
    document_id     UUID          NOT NULL,
    source_language VARCHAR(35),
    target_language VARCHAR(35)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    due             DATE,
    note            VARCHAR(2000),
    assignee        UUID,
    claim_holder    UUID,
    claim_until     TIMESTAMP WITH TIME ZONE,
    segment_count   INTEGER       NOT NULL,
    word_count      INTEGER       NOT NULL,
    created_by      UUID          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT translation_work_language_uq UNIQUE (document_id, target_language),
    CONSTRAINT translation_work_status_ck
        CHECK (status IN ('OPEN', 'CLAIMED', 'IN_TRANSLATION', 'IN_REVIEW', 'APPROVED', 'REOPENED'))
);

CREATE INDEX translation_work_language_ix ON translation_work (target_language, status);

-- Every change of a translation's state or claim: who, when.
CREATE TABLE translation_work_event (
    id             UUID          NOT NULL PRIMARY KEY,
    translation_id UUID          NOT NULL REFERENCES translation_work (id),
    kind           VARCHAR(30)   NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    actor          UUID          NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    detail         VARCHAR(1000)
);

CREATE INDEX translation_work_event_ix ON translation_work_event (translation_id, at);

-- The target of each segment in one translation; version counts the saves (0 = never saved).
CREATE TABLE translation_target (
    translation_id UUID          NOT NULL REFERENCES translation_work (id),
    segment_id     UUID          NOT NULL REFERENCES translation_segment (id),
    target         TEXT          NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    version        INTEGER       NOT NULL,
    translated_by  UUID,
    updated_by     UUID,
    updated_at     TIMESTAMP WITH TIME ZONE,
    review_comment VARCHAR(2000),
    CONSTRAINT translation_target_pk PRIMARY KEY (translation_id, segment_id),
    CONSTRAINT translation_target_status_ck
        CHECK (status IN ('NEW', 'DRAFT', 'TRANSLATED', 'APPROVED', 'REJECTED', 'SOURCE_CHANGED'))
);

-- Who wrote or decided what on a segment, when.
CREATE TABLE translation_target_history (
    id             UUID          NOT NULL PRIMARY KEY,
    translation_id UUID          NOT NULL,
    segment_id     UUID          NOT NULL,
    target         TEXT          NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    version        INTEGER       NOT NULL,
    actor          UUID          NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    review_comment VARCHAR(2000),
    CONSTRAINT translation_target_history_fk FOREIGN KEY (translation_id, segment_id)
        REFERENCES translation_target (translation_id, segment_id)
);

CREATE INDEX translation_target_history_ix ON translation_target_history (translation_id, segment_id, at);

-- An immutable revision of an approved translation, and its content segment by segment.
CREATE TABLE translation_revision (
    id              UUID          NOT NULL PRIMARY KEY,
    translation_id  UUID          NOT NULL REFERENCES translation_work (id),
    document_id     UUID          NOT NULL,
    target_language VARCHAR(35)   NOT NULL,
    number          INTEGER       NOT NULL,
    approved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by     UUID          NOT NULL,
    content_sha256  VARCHAR(64)   NOT NULL,
    CONSTRAINT translation_revision_number_uq UNIQUE (translation_id, number)
);

CREATE INDEX translation_revision_document_ix ON translation_revision (document_id);

CREATE TABLE translation_revision_segment (
    revision_id UUID         NOT NULL REFERENCES translation_revision (id),
    position    INTEGER      NOT NULL,
    file_sha256 VARCHAR(64)  NOT NULL,
    seq         INTEGER      NOT NULL,
    source      TEXT         NOT NULL,
    target      TEXT         NOT NULL,
    CONSTRAINT translation_revision_segment_pk PRIMARY KEY (revision_id, position)
);
