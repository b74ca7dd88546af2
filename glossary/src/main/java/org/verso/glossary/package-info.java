/**
 * The glossary: terms per language pair (source and target term, part of speech, note, forbidden variants), their
 * TBX and CSV import and export, the terms found in a text, and the glossary's quality checks for translation.
 */
package org.verso.glossary;
