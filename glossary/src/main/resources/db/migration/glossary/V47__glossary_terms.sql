-- The glossary (issue 13): terms per language pair. The keys are the terms case-folded (words joined by one space),
-- so that one pair holds a source term with a given target term once. Forbidden variants: one a line.

CREATE TABLE glossary_term (
    id              UUID          NOT NULL PRIMARY KEY,
    source_language VARCHAR(35)   NOT NULL,
    target_language VARCHAR(35)   NOT NULL,
    source_term     VARCHAR(500)  NOT NULL,
    source_key      VARCHAR(500)  NOT NULL,
    target_term     VARCHAR(500)  NOT NULL,
    target_key      VARCHAR(500)  NOT NULL,
    part_of_speech  VARCHAR(40),
    note            VARCHAR(2000),
    forbidden       VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT glossary_term_uq UNIQUE (source_language, target_language, source_key, target_key)
);

CREATE INDEX glossary_term_pair_ix ON glossary_term (source_language, target_language, source_key);
