package org.verso.translation.internal;

/**
 * What an exported XLIFF file says about itself, written on each {@code <file>} element: the translation and document
 * it belongs to (Verso's own attributes in the {@link XliffWriter#VERSO_NS} namespace), and its languages.
 */
public record XliffHeader(
        String translation, String document, String sourceLanguage, String targetLanguage, String selection) {}
