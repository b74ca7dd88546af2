package org.verso.web.demo;

import java.util.Collection;
import org.springframework.stereotype.Component;
import org.verso.library.DocumentId;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchSource;
import org.verso.search.TranslationIndexing;

/**
 * Makes the demo's documents and their translations searchable before the demo says it is ready. The catalogue's and
 * the translations' listeners index them too, in the background and in their own time; this writes the same entries
 * (from the same sources) in the calling thread and refreshes the index, so nothing waits on a background thread.
 */
@Component
class DemoSearch {
    private final LibraryIndex index;
    private final SearchSource catalogue;
    private final TranslationIndexing translations;

    DemoSearch(LibraryIndex index, SearchSource catalogue, TranslationIndexing translations) {
        this.index = index;
        this.catalogue = catalogue;
        this.translations = translations;
    }

    void indexNow(Collection<DocumentId> documents) {
        for (DocumentId id : documents) {
            index.index(
                    catalogue.document(id).orElseThrow(() -> new IllegalStateException("no demo document " + id)),
                    translations.translationsOf(id));
        }
        index.refresh();
    }
}
