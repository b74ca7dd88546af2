package org.verso.translation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.library.Sha256;

/**
 * What a new version of one of a document's files did to its segments and to each of its translations.
 *
 * @param unchanged segments whose source is the same (translation and status kept)
 * @param changed segments whose source changed (old translation kept, status {@code SOURCE_CHANGED})
 * @param added new segments
 * @param removed segments the new version no longer has (kept in {@link Carried#removedSegments()})
 * @param translations each translation of the document at the time, with its progress before and after
 */
public record SourceChange(
        DocumentId document,
        Sha256 oldFile,
        Sha256 newFile,
        int unchanged,
        int changed,
        int added,
        int removed,
        Instant at,
        List<Carried> translations) {
    public SourceChange {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(oldFile, "oldFile");
        Objects.requireNonNull(newFile, "newFile");
        translations = List.copyOf(translations);
    }

    /**
     * One translation carried over to the new version.
     *
     * @param beforeDone segments translated or approved before the change, of {@code beforeTotal}
     * @param afterDone the same after it, of {@code afterTotal}
     * @param removedSegments the removed segments with the target this translation had for them
     */
    public record Carried(
            TranslationId translation,
            LanguageTag language,
            int beforeDone,
            int beforeTotal,
            int afterDone,
            int afterTotal,
            List<RemovedSegment> removedSegments) {
        public Carried {
            Objects.requireNonNull(translation, "translation");
            removedSegments = List.copyOf(removedSegments);
        }
    }

    /** A segment of the old version that the new one removed, as the translation had it. */
    public record RemovedSegment(
            SegmentId segment, int index, String source, String target, SegmentStatus status, int version) {}
}
