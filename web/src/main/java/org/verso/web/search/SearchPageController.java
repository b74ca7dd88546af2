package org.verso.web.search;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.verso.accounts.Role;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchMaintenance;
import org.verso.search.SearchResult;
import org.verso.web.api.Problems;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.shell.NavItem;
import org.verso.web.shell.PageErrors;

/**
 * The search page: one box, facets at the side, hits with snippets and their translations beneath. Everything chosen
 * lives in the address (bookmarkable, shareable); every link is a plain GET. Administrators also get the rebuild.
 */
@Controller
@RequestMapping("/search")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','LOGISTICS','ADMIN')")
class SearchPageController {
    static final List<String> FACETS = List.of("lang", "kind", "body", "status", "year");

    private final LibraryIndex index;
    private final SearchMaintenance maintenance;
    private final PageErrors errors;
    private final QueryExpansion expansion;

    SearchPageController(
            LibraryIndex index, SearchMaintenance maintenance, PageErrors errors, QueryExpansion expansion) {
        this.expansion = expansion;
        this.index = index;
        this.maintenance = maintenance;
        this.errors = errors;
    }

    @Bean
    static NavItem searchNav() {
        return new NavItem("nav.search", "/search", 10, Set.of());
    }

    /** A facet value with the address that toggles it. */
    public record FacetLink(String value, long count, boolean chosen, String href) {}

    /** A facet with its values. */
    public record FacetView(String name, List<FacetLink> values) {}

    @GetMapping
    String page(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> lang,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> body,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> year,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "true") boolean expand,
            @AuthenticationPrincipal VersoPrincipal principal,
            Model model) {
        var parameters = new SearchParameters(q, lang, kind, body, status, year, page, size, sort);
        model.addAttribute("params", parameters);
        boolean off = !expand; // the expansion switched off stays off along every link the page makes
        model.addAttribute("expandOff", off);
        model.addAttribute("sortLinks", sortLinks(parameters, off));
        try {
            var searched = expansion.expand(q, expand);
            SearchResult result = index.search(
                    new SearchParameters(searched.text(), lang, kind, body, status, year, page, size, sort).toQuery());
            if (!searched.alsoSearched().isEmpty()) {
                model.addAttribute("alsoSearched", String.join(", ", searched.alsoSearched()));
                model.addAttribute(
                        "withoutExpansion",
                        org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                                .replaceQueryParam("expand", "false")
                                .build()
                                .toUriString());
            }
            model.addAttribute("result", result);
            model.addAttribute("facets", facets(parameters, result, off));
            model.addAttribute("pages", (result.total() + result.size() - 1) / result.size());
            if (result.page() > 1) {
                model.addAttribute("previous", href(parameters, null, null, String.valueOf(result.page() - 1), off));
            }
            if ((long) result.page() * result.size() < result.total()) {
                model.addAttribute("next", href(parameters, null, null, String.valueOf(result.page() + 1), off));
            }
            if (result.suggestion() != null) {
                model.addAttribute(
                        "suggestionHref", href(withQuery(parameters, result.suggestion()), null, null, null, off));
            }
        } catch (DomainException e) {
            model.addAttribute("error", errors.say(e));
        }
        model.addAttribute("rebuild", maintenance.progress());
        model.addAttribute("admin", principal != null && principal.roles().contains(Role.ADMIN));
        return "search/search";
    }

    /**
     * The same answer as {@code GET /api/search}, for scripts of the signed-in page (session, no password per
     * request), errors included: a query that cannot be read, or a bad parameter, answers the API's RFC 9457 problem
     * ({@code 400 urn:verso:problem:invalid-query}, saying what is wrong and at which position).
     */
    @GetMapping(produces = "application/json")
    @ResponseBody
    ResponseEntity<Object> json(HttpServletRequest request) {
        try {
            Map<String, String[]> query = request.getParameterMap();
            var asked = SearchParameters.of(query);
            var searched = expansion.expand(asked.q(), SearchParameters.expand(query));
            var parameters = asked.withQ(searched.text());
            return ResponseEntity.ok(SearchJson.of(index.search(parameters.toQuery()), searched.alsoSearched()));
        } catch (InvalidInputException e) {
            return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
        }
    }

    /** Title suggestions for the box, for the page's script (same session as the page). */
    @GetMapping("/suggest")
    @ResponseBody
    List<SearchJson.Suggestion> suggest(@RequestParam(required = false) String q) {
        return index.suggestTitles(q, 8).stream().map(SearchJson::of).toList();
    }

    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    String rebuild(RedirectAttributes redirect) {
        try {
            maintenance.rebuild("admin");
        } catch (DomainException e) {
            redirect.addFlashAttribute("rebuildError", e.getMessage());
        }
        return "redirect:/search";
    }

    /** The rebuild panel alone, polled by the page while a rebuild runs. */
    @GetMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    String rebuildPanel(Model model) {
        model.addAttribute("rebuild", maintenance.progress());
        return "search/search :: rebuild";
    }

    private static List<FacetView> facets(SearchParameters parameters, SearchResult result, boolean expandOff) {
        List<FacetView> views = new ArrayList<>();
        for (String facet : FACETS) {
            List<FacetLink> links = new ArrayList<>();
            List<String> listed = new ArrayList<>();
            for (var count : result.facets().getOrDefault(facet, List.of())) {
                boolean chosen = parameters.chosen(facet, count.value());
                links.add(new FacetLink(
                        count.value(), count.count(), chosen, href(parameters, facet, count.value(), null, expandOff)));
                listed.add(count.value());
            }
            for (String value : parameters.values(facet)) {
                if (!listed.contains(value)) { // chosen but no longer matching: still shown, to be removed
                    links.add(new FacetLink(value, 0, true, href(parameters, facet, value, null, expandOff)));
                }
            }
            if (!links.isEmpty()) {
                views.add(new FacetView(facet, links));
            }
        }
        return views;
    }

    private static List<String[]> sortLinks(SearchParameters parameters, boolean expandOff) {
        List<String[]> links = new ArrayList<>();
        for (String sort : List.of("relevance", "date", "title")) {
            SearchParameters sorted = new SearchParameters(
                    parameters.q(),
                    parameters.lang(),
                    parameters.kind(),
                    parameters.body(),
                    parameters.status(),
                    parameters.year(),
                    null,
                    parameters.size(),
                    sort);
            links.add(new String[] {sort, href(sorted, null, null, null, expandOff)});
        }
        return links;
    }

    private static SearchParameters withQuery(SearchParameters p, String q) {
        return new SearchParameters(q, p.lang(), p.kind(), p.body(), p.status(), p.year(), null, p.size(), p.sort());
    }

    /**
     * The address of these parameters with one facet value toggled and/or another page (filters reset the page), and
     * {@code expand=false} when the expansion is switched off. Every value is encoded whole: a query's {@code +},
     * {@code &} or braces ({@code year:{1990 TO *}}) stay part of it rather than being read as a space, a separator
     * or a URI template variable.
     */
    static String href(SearchParameters p, String facet, String value, String page, boolean expandOff) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
        if (!p.q().isBlank()) {
            param(uri, "q", p.q());
        }
        for (String name : FACETS) {
            List<String> values = new ArrayList<>(p.values(name));
            if (name.equals(facet) && !values.remove(value)) {
                values.add(value);
            }
            values.forEach(v -> param(uri, name, v));
        }
        if (p.sort() != null && !p.sort().isBlank() && !"relevance".equals(p.sort())) {
            param(uri, "sort", p.sort());
        }
        if (p.size() != null && !p.size().isBlank()) {
            param(uri, "size", p.size());
        }
        if (page != null && !"1".equals(page)) {
            param(uri, "page", page);
        }
        if (expandOff) {
            uri.queryParam("expand", "false");
        }
        return uri.build(true).toUriString();
    }

    private static void param(UriComponentsBuilder uri, String name, String value) {
        uri.queryParam(name, UriUtils.encode(value, StandardCharsets.UTF_8));
    }
}
