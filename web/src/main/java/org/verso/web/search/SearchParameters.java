package org.verso.web.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verso.library.InvalidInputException;
import org.verso.search.SearchFilters;
import org.verso.search.SearchQuery;
import org.verso.search.SortOrder;
import org.verso.search.TranslationStatus;

/**
 * The search as it travels in a URL ({@code ?q=&lang=&kind=&body=&status=&year=&page=&size=&sort=}), shared by the
 * API and the page so that a page's address is also a valid API query. Facet parameters repeat for several values.
 */
public record SearchParameters(
        String q,
        List<String> lang,
        List<String> kind,
        List<String> body,
        List<String> status,
        List<String> year,
        String page,
        String size,
        String sort) {

    static final int DEFAULT_SIZE = 10;

    public SearchParameters {
        q = q == null ? "" : q;
        lang = clean(lang);
        kind = clean(kind);
        body = clean(body);
        status = clean(status);
        year = clean(year);
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    /**
     * The search these parameters ask for.
     *
     * @throws InvalidInputException naming the bad parameter ({@code invalid-page}, {@code invalid-year}…)
     */
    SearchQuery toQuery() {
        Set<TranslationStatus> statuses = new LinkedHashSet<>();
        status.forEach(s -> statuses.add(TranslationStatus.parse(s)));
        Set<Integer> years = new LinkedHashSet<>();
        for (String y : year) {
            years.add(number("year", y, "invalid-year"));
        }
        SearchFilters filters =
                new SearchFilters(Set.copyOf(lang), Set.copyOf(kind), Set.copyOf(body), statuses, years);
        int pageNumber = page == null || page.isBlank() ? 1 : number("page", page, "invalid-page");
        int pageSize = size == null || size.isBlank() ? DEFAULT_SIZE : number("size", size, "invalid-page");
        return new SearchQuery(q, filters, SortOrder.parse(sort), pageNumber, pageSize);
    }

    static int number(String name, String text, String code) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(code, name + " must be a whole number, not '" + text + "'");
        }
    }

    /** Whether a facet value is among the chosen filters. */
    public boolean chosen(String facet, String value) {
        return values(facet).contains(value);
    }

    public List<String> values(String facet) {
        return switch (facet) {
            case "lang" -> lang;
            case "kind" -> kind;
            case "body" -> body;
            case "status" -> status;
            case "year" -> year;
            default -> List.of();
        };
    }

    public boolean hasFilters() {
        return !(lang.isEmpty() && kind.isEmpty() && body.isEmpty() && status.isEmpty() && year.isEmpty());
    }
}
