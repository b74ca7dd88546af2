/**
 * The document catalogue and the content-addressed file store that every other module shares.
 * Owns documents, their files (kept byte for byte by SHA-256) and the events announcing changes to them.
 */
package org.verso.library;
