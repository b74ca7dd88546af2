package org.verso.translation;

import java.util.Objects;

/** A coordinator approved a translation: its new immutable revision. Published after the approval's commit. */
public record TranslationApproved(Revision revision) {
    public TranslationApproved {
        Objects.requireNonNull(revision, "revision");
    }
}
