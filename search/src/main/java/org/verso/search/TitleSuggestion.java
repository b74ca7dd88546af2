package org.verso.search;

/**
 * A title offered while typing.
 *
 * @param documentId the document it belongs to
 * @param title the title of the original or of a translation
 */
public record TitleSuggestion(String documentId, String title) {}
