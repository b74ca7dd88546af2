package org.verso.translation;

import java.util.List;
import java.util.Map;

/** A page of translations, with each one's progress, and how many match in all. */
public record TranslationPage(List<Translation> items, Map<TranslationId, Progress> progress, long total) {
    public TranslationPage {
        items = List.copyOf(items);
        progress = Map.copyOf(progress);
    }
}
