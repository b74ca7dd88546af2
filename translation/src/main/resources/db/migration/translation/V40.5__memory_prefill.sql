-- Translation: pre-translation from the memory when a translation is opened. A target filled with the memory's exact
-- match is a draft marked "from memory" while it is the version it was filled at (a translator's save ends the mark);
-- the history row of the filling says where the text came from.
ALTER TABLE translation_target ADD COLUMN prefilled_version INTEGER;
ALTER TABLE translation_target_history ADD COLUMN origin VARCHAR(16);
