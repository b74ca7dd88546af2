-- Library (asked for by ingest): whether (some of) a catalogued file's text was read by OCR (a scan, an image, PDF pages without a text
-- layer). A file with no text at all has text_chars = 0 and is shown as such.
ALTER TABLE library_file ADD COLUMN text_from_ocr BOOLEAN DEFAULT FALSE NOT NULL;
