package org.verso.glossary;

import java.util.List;

/** A page of terms and how many there are in all for the filter. */
public record TermPage(List<Term> items, long total) {
    public TermPage {
        items = List.copyOf(items);
    }
}
