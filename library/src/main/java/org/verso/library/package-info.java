/**
 * The document catalogue and the content-addressed file store that every other module shares, below all of them.
 * Owns documents, their files (kept byte for byte by SHA-256; tables {@code library_*}, migrations in
 * {@code db/migration/library}), {@link org.verso.library.LanguageTag}, the families of domain exceptions, and the
 * events announcing changes to documents ({@link org.verso.library.DocumentIngested},
 * {@link org.verso.library.DocumentChanged}).
 */
package org.verso.library;
