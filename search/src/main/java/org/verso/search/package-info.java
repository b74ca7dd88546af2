/**
 * Full-text search over documents, translations and translation-memory units in every language, on an
 * embedded Apache Lucene index derived from the catalogue. Lucene types never leave this module.
 */
package org.verso.search;
