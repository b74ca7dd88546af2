package org.verso.search;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.verso.library.LanguageTag;

/**
 * Facet values a search is narrowed to. Values of one facet are alternatives (OR); facets combine with AND. Empty
 * sets mean no restriction.
 *
 * @param languages language of the matching text (original or translation), as its primary subtag: any spelling of a
 *     language tag is taken ({@code pt_BR} and {@code pt} both filter on {@code pt}, {@code iw} on {@code he})
 * @param kinds document kinds ({@code charter})
 * @param issuingBodies issuing bodies, exactly as catalogued
 * @param statuses documents having a translation in one of these states
 * @param years documents of these years
 */
public record SearchFilters(
        Set<String> languages,
        Set<String> kinds,
        Set<String> issuingBodies,
        Set<TranslationStatus> statuses,
        Set<Integer> years) {
    public static final SearchFilters NONE = new SearchFilters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public SearchFilters {
        languages = clean(languages, true).stream()
                .map(SearchFilters::primaryLanguage)
                .collect(Collectors.toCollection(TreeSet::new));
        kinds = clean(kinds, true);
        issuingBodies = clean(issuingBodies, false);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        years = years == null ? Set.of() : Set.copyOf(years);
    }

    private static Set<String> clean(Set<String> values, boolean lowerCase) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> lowerCase ? v.strip().toLowerCase(Locale.ROOT) : v.strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The primary subtag of a language tag; text that is none stays as it is and matches nothing. */
    private static String primaryLanguage(String language) {
        try {
            return LanguageTag.of(language).language();
        } catch (LanguageTag.InvalidLanguageTag e) {
            return language;
        }
    }

    public boolean isEmpty() {
        return languages.isEmpty()
                && kinds.isEmpty()
                && issuingBodies.isEmpty()
                && statuses.isEmpty()
                && years.isEmpty();
    }
}
