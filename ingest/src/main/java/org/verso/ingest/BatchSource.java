package org.verso.ingest;

/** How the files of an ingest batch came in. */
public enum BatchSource {
    UPLOAD,
    FOLDER,
    INBOX,
    RETRY
}
