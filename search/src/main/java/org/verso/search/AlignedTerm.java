package org.verso.search;

/**
 * A word the translation memory consistently translates a query's words with ({@link Concordance#alignments}).
 *
 * @param term the word as it is most often written in the memory
 * @param language its language (primary subtag)
 */
public record AlignedTerm(String term, String language) {}
