-- Library: a document's file can be replaced by a new version. The old file stays stored and catalogued (its bytes
-- still belong to the document), marked superseded by the new one; the document's current files are those not
-- superseded.
ALTER TABLE library_file ADD COLUMN superseded_by VARCHAR(64);
ALTER TABLE library_file ADD COLUMN superseded_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX library_file_superseded_ix ON library_file (superseded_by);
