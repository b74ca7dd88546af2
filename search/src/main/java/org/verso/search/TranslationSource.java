package org.verso.search;

import java.util.List;
import org.verso.library.DocumentId;

/**
 * The translations of a document as search indexes them, read during a rebuild. Provided by the module that owns
 * translations; without one, a rebuild indexes originals only.
 */
public interface TranslationSource {
    /** The document's translations (any status), never null. */
    List<SearchableTranslation> translationsOf(DocumentId id);
}
