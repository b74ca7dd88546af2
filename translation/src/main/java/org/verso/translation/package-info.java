/**
 * Translations of documents segment by segment, XLIFF/TMX exchange, translation memory and merge back into
 * the original format, driven through the Okapi Framework. Okapi types never leave this module.
 */
package org.verso.translation;
