-- Issue 14: an inline code's original data (a DOCX run's properties, an HTML tag) per segment, for XLIFF 2.0's
-- <originalData>. The segment's markup keeps only the code's id and role; merging takes the codes from the file.
CREATE TABLE translation_segment_code (
    segment_id UUID          NOT NULL,
    code_id    INTEGER       NOT NULL,
    code_role  VARCHAR(10)   NOT NULL,
    data       VARCHAR(4000) NOT NULL,
    CONSTRAINT translation_segment_code_pk PRIMARY KEY (segment_id, code_id, code_role),
    CONSTRAINT translation_segment_code_segment_fk FOREIGN KEY (segment_id)
        REFERENCES translation_segment (id) ON DELETE CASCADE,
    CONSTRAINT translation_segment_code_role_ck CHECK (code_role IN ('OPENING', 'CLOSING', 'STANDALONE'))
);
