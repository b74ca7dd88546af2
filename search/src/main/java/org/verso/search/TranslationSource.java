package org.verso.search;

import java.util.List;
import org.verso.library.DocumentId;

/**
 * The translations of the library's documents as search indexes them: the service provider interface through which
 * the module that owns translations keeps them in the index across rebuilds. Provide one as a Spring bean and search
 * uses it: a rebuild indexes each document with the translations it lists, and the start-up check compares them
 * (document, target language, status) with the index and rebuilds when they disagree. Without one, a rebuild indexes
 * originals only and the check compares documents only.
 *
 * <p>Translations that change are still announced one by one through {@link LibraryIndex#index(SearchableTranslation)}
 * and {@link LibraryIndex#removeTranslation}; this interface is only read in bulk, from a background thread of
 * search's own, document after document. Implementations must be thread-safe.
 */
public interface TranslationSource {
    /**
     * The document's translations, one per target language, in any status (an empty text if nothing is translated
     * yet); an empty list, never null, when it has none or the document is unknown.
     */
    List<SearchableTranslation> translationsOf(DocumentId id);
}
