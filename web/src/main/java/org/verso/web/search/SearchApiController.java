package org.verso.web.search;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.search.Concordance;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchMaintenance;

/**
 * The search API. Every role searches: coordinators and translators look for documents and translations, logistics
 * staff for the editions they ship. Rebuilding the index is for administrators.
 */
@RestController
@RequestMapping("/api/search")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','LOGISTICS','ADMIN')")
class SearchApiController {
    private static final int MAX_SUGGESTIONS = 20;

    private final LibraryIndex index;
    private final SearchMaintenance maintenance;
    private final Concordance concordance;

    private final QueryExpansion expansion;

    SearchApiController(
            LibraryIndex index, SearchMaintenance maintenance, Concordance concordance, QueryExpansion expansion) {
        this.expansion = expansion;
        this.index = index;
        this.maintenance = maintenance;
        this.concordance = concordance;
    }

    /** Searches the library; a query that cannot be read answers 400 {@code invalid-query} saying what and where. */
    @GetMapping
    SearchJson.Result search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> lang,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> body,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> year,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "true") boolean expand) {
        var searched = expansion.expand(q, expand);
        var parameters = new SearchParameters(searched.text(), lang, kind, body, status, year, page, size, sort);
        return SearchJson.of(index.search(parameters.toQuery()), searched.alsoSearched());
    }

    /** Titles whose words start with the words typed so far. */
    @GetMapping("/suggest")
    List<SearchJson.Suggestion> suggest(
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "8") int limit) {
        return index.suggestTitles(q, Math.max(1, Math.min(limit, MAX_SUGGESTIONS))).stream()
                .map(SearchJson::of)
                .toList();
    }

    /**
     * Concordance: translation-memory units whose source or target holds every word (or the quoted phrase), for the
     * people who translate and review.
     */
    @GetMapping("/concordance")
    @PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
    List<SearchJson.MemoryHit> concordance(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "20") String limit) {
        return concordance.search(q, source, target, SearchParameters.number("limit", limit, "invalid-page")).stream()
                .map(SearchJson::of)
                .toList();
    }

    /** Starts rebuilding the index from the catalogue (or reports the rebuild already running); 202. */
    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SearchJson.Rebuild> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(SearchJson.of(maintenance.rebuild("admin")));
    }

    /** Progress of the latest rebuild. */
    @GetMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    SearchJson.Rebuild progress() {
        return SearchJson.of(maintenance.progress());
    }
}
