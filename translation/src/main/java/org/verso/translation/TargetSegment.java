package org.verso.translation;

import java.time.Instant;
import java.util.Objects;
import org.verso.accounts.AccountId;
import org.verso.library.Sha256;
import org.verso.translation.internal.InlineMarkup;

/**
 * One segment of a translation: its source and its target so far.
 *
 * @param index the segment's position in its file, from 0
 * @param source the source in Verso's inline markup
 * @param target the target in the same markup, {@code ""} until saved
 * @param version how many times the target was saved (0 = never); a save carries the version it started from
 * @param by who last saved or reviewed it, or null
 * @param at when, or null
 * @param comment the reviewer's comment of the last review, or null
 * @param fromMemory the target is the translation memory's, filled in when the translation was opened and not saved
 *     by anyone since (a draft to confirm)
 */
public record TargetSegment(
        SegmentId id,
        Sha256 file,
        String fileName,
        int index,
        String source,
        String target,
        SegmentStatus status,
        int version,
        AccountId translatedBy,
        AccountId by,
        Instant at,
        String comment,
        boolean fromMemory) {
    public TargetSegment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
    }

    /** The source as plain text: codes left out, entities decoded. */
    public String sourceText() {
        return InlineMarkup.plainText(source);
    }
}
