package org.verso.search;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.verso.library.DocumentId;

/**
 * The catalogue as search reads it, to check that the index agrees with it and to rebuild the index from it. The
 * index is derived data: everything in it comes from here (and from {@link TranslationSource}).
 */
public interface SearchSource {
    /** Number of documents in the catalogue. */
    long count();

    /** Ids of all documents; the caller closes the stream. */
    Stream<DocumentId> documentIds();

    /** The document as search indexes it, or empty if the catalogue no longer holds it. */
    Optional<SearchableDocument> document(DocumentId id);

    /** Calls {@code action} with every document, for a rebuild; exceptions from {@code action} stop it. */
    void forEach(Consumer<SearchableDocument> action);
}
