package org.verso.library;

import java.util.List;

/** One page of a catalogue listing, newest change first, and how many documents match in all. */
public record DocumentPage(List<Document> items, long total, int page, int size) {
    public DocumentPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
