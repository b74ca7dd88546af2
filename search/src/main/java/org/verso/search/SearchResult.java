package org.verso.search;

import java.util.List;
import java.util.Map;

/**
 * One page of a search: documents with their matching translations beneath, facet counts and, when nothing matched, a
 * spelling suggestion.
 *
 * @param total number of matching documents (not index entries: a document matching in two translations counts once)
 * @param approximate whether {@code total} and the facet counts are estimates (two significant digits) from a sample
 *     of the matches, which a search matching a large part of the library counts instead of every match
 * @param page the 1-based page shown
 * @param size the page size asked for
 * @param hits the documents of this page, in the requested order
 * @param facets per facet ({@code lang}, {@code kind}, {@code body}, {@code status}, {@code year}) the values found
 *     among all matching documents with the number of documents having each, most frequent first
 * @param suggestion a corrected query built from words in the index, offered only when nothing matched; else null
 */
public record SearchResult(
        long total,
        boolean approximate,
        int page,
        int size,
        List<Hit> hits,
        Map<String, List<FacetCount>> facets,
        String suggestion) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /**
     * One document found.
     *
     * @param documentId the document
     * @param title its title (of the original; of a translation if the original is not indexed)
     * @param language source language (primary subtag; {@code und} if unknown)
     * @param kind its kind, or null
     * @param issuingBody who issued it, or null
     * @param year its year, or null
     * @param files its stored files
     * @param snippet the best-matching passage of the original, HTML-escaped with matches in {@code <mark>}; null if
     *     only translations matched
     * @param score relevance (0 when sorted by date or title)
     * @param translations the document's translations that matched, each with its own snippet
     */
    public record Hit(
            String documentId,
            String title,
            String language,
            String kind,
            String issuingBody,
            Integer year,
            List<SearchableFile> files,
            String snippet,
            float score,
            List<TranslationHit> translations) {
        public Hit {
            files = List.copyOf(files);
            translations = List.copyOf(translations);
        }
    }

    /**
     * A translation that matched, shown beneath its document.
     *
     * @param language target language
     * @param status where the translation stands ({@code in-review}…)
     * @param title translated title, possibly empty
     * @param snippet best-matching passage, HTML-escaped with matches in {@code <mark>}
     */
    public record TranslationHit(String language, String status, String title, String snippet) {}

    /** A facet value and the number of matching documents having it. */
    public record FacetCount(String value, long count) {}
}
