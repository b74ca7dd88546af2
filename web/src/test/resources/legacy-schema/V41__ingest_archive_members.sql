-- Ingest: the files unpacked from an archive are items of the archive's own batch; parent_id names the archive's
-- item, so that an archive whose job was interrupted is not unpacked into the batch a second time. (Numbered after
-- V40 so that databases that already have V40 migrate in order.)
ALTER TABLE ingest_item ADD COLUMN parent_id UUID;

CREATE INDEX ingest_item_parent_ix ON ingest_item (parent_id);
