-- The library: documents, their stored files (one row per SHA-256: the same bytes are one catalogue entry) and the
-- text extracted from each file, kept apart so that listings stay light.
CREATE TABLE library_document (
    id               UUID         NOT NULL PRIMARY KEY,
    title            VARCHAR(500) NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    issuing_body     VARCHAR(300),
    source_language  VARCHAR(35),
    publication_year INTEGER,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX library_document_updated_ix ON library_document (updated_at);

CREATE TABLE library_document_tag (
    document_id UUID        NOT NULL,
    tag         VARCHAR(60) NOT NULL,
    CONSTRAINT library_document_tag_pk PRIMARY KEY (document_id, tag),
    CONSTRAINT library_document_tag_document_fk FOREIGN KEY (document_id) REFERENCES library_document (id)
);

CREATE TABLE library_file (
    sha256              VARCHAR(64)  NOT NULL PRIMARY KEY,
    document_id         UUID         NOT NULL,
    file_order          INTEGER      NOT NULL,
    original_name       VARCHAR(255) NOT NULL,
    media_type          VARCHAR(200) NOT NULL,
    size_bytes          BIGINT       NOT NULL,
    language            VARCHAR(35),
    language_confidence DOUBLE PRECISION,
    page_count          INTEGER,
    charset             VARCHAR(60),
    author              VARCHAR(300),
    text_chars          BIGINT       NOT NULL,
    added_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT library_file_document_fk FOREIGN KEY (document_id) REFERENCES library_document (id)
);

CREATE INDEX library_file_document_ix ON library_file (document_id, file_order);

CREATE TABLE library_file_text (
    sha256  VARCHAR(64) NOT NULL PRIMARY KEY,
    content TEXT        NOT NULL,
    CONSTRAINT library_file_text_file_fk FOREIGN KEY (sha256) REFERENCES library_file (sha256)
);
