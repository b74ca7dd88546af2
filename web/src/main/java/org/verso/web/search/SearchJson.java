package org.verso.web.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verso.search.Concordance;
import org.verso.search.RebuildProgress;
import org.verso.search.SearchResult;
import org.verso.search.TitleSuggestion;

/** The JSON the search API answers with. */
final class SearchJson {
    private SearchJson() {}

    record File(String name, String sha256) {}

    record Translation(
            String language, String status, String title, @JsonInclude(JsonInclude.Include.ALWAYS) String snippet) {}

    record Hit(
            String documentId,
            String title,
            String language,
            String kind,
            String issuingBody,
            Integer year,
            List<File> files,
            @JsonInclude(JsonInclude.Include.ALWAYS) String snippet,
            float score,
            List<Translation> translations) {}

    record FacetValue(String value, long count) {}

    /**
     * {@code approximate}: total and facet counts are estimates from a sample (a search matching much of the library).
     * {@code page} counts from 1 and {@code pages} is the number of pages of {@code size} hits, as in every list of
     * the API.
     */
    record Result(
            long total,
            boolean approximate,
            int page,
            int size,
            long pages,
            List<Hit> hits,
            Map<String, List<FacetValue>> facets,
            @JsonInclude(JsonInclude.Include.ALWAYS) String suggestion,
            List<String> alsoSearched) {}

    record Suggestion(String documentId, String title) {}

    record Rebuild(
            String state, String reason, long done, long total, Instant startedAt, Instant finishedAt, String error) {}

    record MemoryHit(
            String id,
            String sourceLanguage,
            String sourceText,
            String targetLanguage,
            String targetText,
            String origin,
            float score,
            String sourceSnippet,
            String targetSnippet) {}

    static MemoryHit of(Concordance.Hit hit) {
        var unit = hit.unit();
        return new MemoryHit(
                unit.id(),
                unit.sourceLanguage(),
                unit.sourceText(),
                unit.targetLanguage(),
                unit.targetText(),
                unit.origin(),
                hit.score(),
                hit.sourceSnippet(),
                hit.targetSnippet());
    }

    static Result of(SearchResult result) {
        return of(result, List.of());
    }

    /** A result with the glossary's terms the query was expanded with ({@link QueryExpansion}). */
    static Result of(SearchResult result, List<String> alsoSearched) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        result.facets()
                .forEach((name, values) -> facets.put(
                        name,
                        values.stream()
                                .map(v -> new FacetValue(v.value(), v.count()))
                                .toList()));
        return new Result(
                result.total(),
                result.approximate(),
                result.page(),
                result.size(),
                (result.total() + result.size() - 1) / result.size(),
                result.hits().stream().map(SearchJson::hit).toList(),
                facets,
                result.suggestion(),
                alsoSearched);
    }

    private static Hit hit(SearchResult.Hit hit) {
        return new Hit(
                hit.documentId(),
                hit.title(),
                hit.language(),
                hit.kind(),
                hit.issuingBody(),
                hit.year(),
                hit.files().stream()
                        .map(f -> new File(f.name(), f.sha256().hex()))
                        .toList(),
                hit.snippet(),
                hit.score(),
                hit.translations().stream()
                        .map(t -> new Translation(t.language(), t.status(), t.title(), t.snippet()))
                        .toList());
    }

    static Suggestion of(TitleSuggestion suggestion) {
        return new Suggestion(suggestion.documentId(), suggestion.title());
    }

    static Rebuild of(RebuildProgress progress) {
        return new Rebuild(
                progress.state().name().toLowerCase(java.util.Locale.ROOT),
                progress.reason(),
                progress.done(),
                progress.total(),
                progress.startedAt(),
                progress.finishedAt(),
                progress.error());
    }
}
