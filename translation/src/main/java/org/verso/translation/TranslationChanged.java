package org.verso.translation;

import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;

/** A translation's text or status changed (opened, claimed, saved, reviewed, approved…). */
public record TranslationChanged(TranslationId translation, DocumentId document, LanguageTag language) {
    public TranslationChanged {
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(language, "language");
    }
}
