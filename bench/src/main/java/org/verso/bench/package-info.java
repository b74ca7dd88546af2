/**
 * Benchmarks of ingest and search, each a plain main class that prints its figures and the ratio against a raw
 * baseline (raw Tika, raw Lucene) measured in the same run. Not part of the application.
 */
package org.verso.bench;
