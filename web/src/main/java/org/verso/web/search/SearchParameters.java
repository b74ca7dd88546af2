package org.verso.web.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** These parameters with another query text (after the query expansion), everything else as it is. */
    SearchParameters withQ(String text) {
        return new SearchParameters(text, lang, kind, body, status, year, page, size, sort);
    }

    /**
     * The search a request's query string asks for ({@link jakarta.servlet.ServletRequest#getParameterMap()}), read
     * as {@code @RequestParam} binding reads it: a single-valued parameter given several times is its values joined
     * with commas, a facet given once is split at commas. Read by hand for the search's JSON, where a data binder and
     * a conversion for each of nine parameters cost a computed search request a few % of its CPU (docs/search.md,
     * Speed).
     */
    static SearchParameters of(Map<String, String[]> query) {
        return new SearchParameters(
                one(query, "q"),
                many(query, "lang"),
                many(query, "kind"),
                many(query, "body"),
                many(query, "status"),
                many(query, "year"),
                one(query, "page"),
                one(query, "size"),
                one(query, "sort"));
    }

    /**
     * Whether the query string asks for the query expansion ({@code expand}): yes when absent or blank; {@code
     * true/on/yes/1} or {@code false/off/no/0} in any case, the first value when repeated, as {@code @RequestParam
     * boolean} reads it.
     *
     * @throws InvalidInputException {@code invalid-expand} for any other value
     */
    static boolean expand(Map<String, String[]> query) {
        String[] values = query.get("expand");
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return true;
        }
        return switch (values[0].strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default ->
                throw new InvalidInputException(
                        "invalid-expand", "expand must be true or false, not '" + values[0] + "'");
        };
    }

    private static String one(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return values.length == 1 ? values[0] : String.join(",", values);
    }

    private static List<String> many(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        if (values == null) {
            return null;
        }
        return values.length == 1 ? List.of(values[0].split(",", -1)) : List.of(values);
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
