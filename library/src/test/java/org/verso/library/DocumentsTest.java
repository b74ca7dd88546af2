package org.verso.library;

/** The catalogue on the embedded H2 file database. */
class DocumentsTest extends DocumentsContract {}
