-- Receipt links that can be shown again (issue 16): the token sealed with AES-GCM under a key kept in the data
-- directory, not in the database (ReceiptLinkSeal). Rows issued before have none: their slip shows no link until a
-- new one is issued.
ALTER TABLE dist_receipt_token ADD COLUMN token_sealed VARCHAR(200);
