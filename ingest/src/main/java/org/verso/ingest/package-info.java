/**
 * Turns incoming files into catalogued documents: a restartable Spring Batch job that detects type,
 * extracts text, metadata and language with Apache Tika. Tika types never leave this module.
 */
package org.verso.ingest;
