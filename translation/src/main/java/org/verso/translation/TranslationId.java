package org.verso.translation;

import java.util.Objects;
import java.util.UUID;

/** Identity of a translation: one document into one target language. */
public record TranslationId(UUID value) {
    public TranslationId {
        Objects.requireNonNull(value, "translation id");
    }

    public static TranslationId random() {
        return new TranslationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
