-- Quality checks (issue 13): the warnings a translator accepted, with the reason the reviewer sees. An acceptance
-- holds for the target text it was given for (its SHA-256): a changed target is checked afresh.

CREATE TABLE translation_quality_acceptance (
    translation_id UUID          NOT NULL REFERENCES translation_work (id),
    segment_id     UUID          NOT NULL,
    check_code     VARCHAR(40)   NOT NULL,
    target_sha256  CHAR(64)      NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    accepted_by    UUID          NOT NULL,
    accepted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT translation_quality_acceptance_pk PRIMARY KEY (translation_id, segment_id, check_code)
);
