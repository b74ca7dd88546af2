package org.verso.translation;

import java.util.List;
import java.util.Optional;
import org.verso.library.DocumentId;

/**
 * The revisions of approved translations, for the modules downstream of translation (distribution builds editions of
 * them). A revision exists only once its translation was approved, and never changes afterwards.
 *
 * <p>Thread-safe.
 */
public interface Revisions {
    /** The revision, or empty when there is none with this id. */
    Optional<Revision> find(RevisionId id);

    /** Every revision of the document's translations, by language and then number. */
    List<Revision> ofDocument(DocumentId document);

    /** The latest revisions of all translations, newest first, at most {@code limit}: what an edition is built of. */
    default List<Revision> latest(int limit) {
        return List.of();
    }
}
