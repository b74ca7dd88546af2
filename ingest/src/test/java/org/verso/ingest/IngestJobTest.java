package org.verso.ingest;

/** The ingest job on the embedded H2 file database. */
class IngestJobTest extends IngestJobContract {}
