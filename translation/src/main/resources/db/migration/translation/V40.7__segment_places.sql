-- Issue 12: where the sentence rules put each segment in its text unit at extraction (the unit's ordinal among the
-- file's translatable units, the segment's start and end in the unit's coded text), so that the merge of a translation
-- splits only the units it translates, at these places, instead of segmenting the whole file again. Null for segments
-- no rules split (a file that segments itself, text from Tika) and for those stored before: their merge segments again.
ALTER TABLE translation_segment ADD COLUMN place_unit INTEGER;
ALTER TABLE translation_segment ADD COLUMN place_start INTEGER;
ALTER TABLE translation_segment ADD COLUMN place_end INTEGER;
