package org.verso.glossary;

import java.util.List;

/**
 * Where a glossary term occurs in a text, and the glossary's terms for it (one source term may have several entries).
 *
 * @param start the first character of the occurrence in the text (inclusive)
 * @param end the character after it
 */
public record FoundTerm(int start, int end, List<Term> terms) {
    public FoundTerm {
        terms = List.copyOf(terms);
    }
}
