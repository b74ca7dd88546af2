package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts are multi-select: choosing a value of a facet leaves the counts of its alternatives as they were, and
 * each facet is counted with the filters of the other facets only (drill sideways). The expected counts are worked out
 * here from the library itself, document by document.
 */
class FacetCountsTest {
    private static final String[] KINDS = {"report", "charter", "manual"};
    private static final String[] LANGUAGES = {"en", "ru", "fr", "de"};

    @TempDir
    static Path dir;

    private static Library library;
    private static LibraryIndex index;

    @BeforeAll
    static void setUp() {
        library = new Library();
        for (int i = 0; i < 90; i++) {
            String language = LANGUAGES[i % 4];
            SearchableDocument document = library.add(
                    "Prison report " + i,
                    language,
                    KINDS[i % 3],
                    i % 5 == 0 ? "UN" : "OSCE",
                    2000 + i % 6,
                    "prison " + ("ru".equals(language) ? "тюрьма" : "visit") + " " + i);
            if (i % 4 != 2 && i % 7 < 3) { // some have a French translation, some also a Russian one
                library.translate(new SearchableTranslation(
                        document.documentId(), "fr", TranslationStatus.APPROVED, "Rapport " + i, "prison visite"));
            }
            if (i % 4 != 1 && i % 11 < 2) {
                library.translate(new SearchableTranslation(
                        document.documentId(), "ru", TranslationStatus.IN_REVIEW, "Отчёт " + i, "prison тюрьма"));
            }
        }
        index = new LibraryIndex(SearchProperties.defaults(dir).withCacheSize(0));
        try (var batch = index.batch()) {
            library.documents().forEach(d -> batch.add(d, library.translationsOf(d.documentId())));
        }
    }

    @AfterAll
    static void tearDown() {
        index.close();
    }

    // ---- the library's own answers: every entry of every document says "prison"

    private static Set<String> languagesOf(SearchableDocument document) {
        Set<String> languages = new HashSet<>();
        languages.add(document.language());
        library.translationsOf(document.documentId()).forEach(t -> languages.add(t.language()));
        return languages;
    }

    private static Set<String> statusesOf(SearchableDocument document) {
        return library.translationsOf(document.documentId()).stream()
                .map(t -> t.status().code())
                .collect(Collectors.toSet());
    }

    private static Predicate<SearchableDocument> kindIn(Set<String> kinds) {
        return d -> kinds.isEmpty() || kinds.contains(d.kind());
    }

    private static Predicate<SearchableDocument> languageIn(Set<String> languages) {
        return d -> languages.isEmpty() || languagesOf(d).stream().anyMatch(languages::contains);
    }

    private static Predicate<SearchableDocument> yearIn(Set<Integer> years) {
        return d -> years.isEmpty() || years.contains(d.year());
    }

    private static Map<String, Long> expected(
            Predicate<SearchableDocument> filter, Function<SearchableDocument, Set<String>> values) {
        return library.documents()
                .filter(filter)
                .flatMap(d -> values.apply(d).stream())
                .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        return result.facets().get(facet).stream()
                .collect(Collectors.toMap(
                        SearchResult.FacetCount::value, SearchResult.FacetCount::count, Long::sum, TreeMap::new));
    }

    private static SearchResult search(Set<String> languages, Set<String> kinds, Set<Integer> years) {
        return index.search(new SearchQuery(
                "prison", new SearchFilters(languages, kinds, Set.of(), Set.of(), years), SortOrder.RELEVANCE, 1, 100));
    }

    @Test
    void aFilteredSearchRanksTheDocumentsPassingItsFiltersAsTheUnfilteredSearchDoes() {
        // the counting pass ranks a filtered search itself (one pass): the same documents, order and scores as the
        // unfiltered ranking narrowed to them, with one document filter (counted on the text alone) and with two
        String text = "prison visit тюрьма 12 24 36 48 60 72 84";
        List<SearchResult.Hit> all = index.search(
                        new SearchQuery(text, SearchFilters.NONE, SortOrder.RELEVANCE, 1, 100))
                .hits();
        Map<Set<String>, Set<Integer>> filters =
                Map.of(Set.of("report"), Set.of(), Set.of("manual"), Set.of(2002, 2004));
        filters.forEach((kinds, years) -> {
            List<SearchResult.Hit> expected = all.stream()
                    .filter(hit -> kinds.contains(hit.kind()) && (years.isEmpty() || years.contains(hit.year())))
                    .limit(7)
                    .toList();
            List<SearchResult.Hit> filtered = index.search(new SearchQuery(
                            text,
                            new SearchFilters(Set.of(), kinds, Set.of(), Set.of(), years),
                            SortOrder.RELEVANCE,
                            1,
                            7))
                    .hits();
            assertThat(filtered).hasSizeGreaterThan(1);
            assertThat(filtered.stream()
                            .map(h -> h.documentId() + " " + h.score())
                            .toList())
                    .isEqualTo(expected.stream()
                            .map(h -> h.documentId() + " " + h.score())
                            .toList());
        });
    }

    @Test
    void choosingAKindLeavesTheCountsOfTheOtherKinds() {
        SearchResult all = search(Set.of(), Set.of(), Set.of());
        SearchResult reports = search(Set.of(), Set.of("report"), Set.of());

        assertThat(counts(reports, "kind")).isEqualTo(counts(all, "kind"));
        assertThat(counts(all, "kind")).isEqualTo(expected(d -> true, d -> Set.of(d.kind())));
        // the other facets, and the total, are narrowed to reports
        assertThat(reports.total())
                .isEqualTo(library.documents().filter(kindIn(Set.of("report"))).count());
        assertThat(counts(reports, "lang")).isEqualTo(expected(kindIn(Set.of("report")), FacetCountsTest::languagesOf));
        assertThat(counts(reports, "status"))
                .isEqualTo(expected(kindIn(Set.of("report")), FacetCountsTest::statusesOf));
        assertThat(reports.hits()).allSatisfy(hit -> assertThat(hit.kind()).isEqualTo("report"));
    }

    @Test
    void valuesOfOneFacetAreAlternatives() {
        SearchResult two = search(Set.of(), Set.of("report", "manual"), Set.of());

        assertThat(two.total())
                .isEqualTo(library.documents()
                        .filter(kindIn(Set.of("report", "manual")))
                        .count());
        assertThat(counts(two, "kind")).isEqualTo(expected(d -> true, d -> Set.of(d.kind())));
        assertThat(counts(two, "year"))
                .isEqualTo(expected(kindIn(Set.of("report", "manual")), d -> Set.of(String.valueOf(d.year()))));
    }

    @Test
    void eachFacetIsCountedWithTheFiltersOfTheOthers() {
        Set<String> russian = Set.of("ru");
        Set<String> charters = Set.of("charter");
        Set<Integer> years = Set.of(2001, 2003);

        SearchResult result = search(russian, charters, years);

        assertThat(result.total())
                .isEqualTo(library.documents()
                        .filter(languageIn(russian).and(kindIn(charters)).and(yearIn(years)))
                        .count());
        assertThat(counts(result, "lang"))
                .isEqualTo(expected(kindIn(charters).and(yearIn(years)), FacetCountsTest::languagesOf));
        assertThat(counts(result, "kind"))
                .isEqualTo(expected(languageIn(russian).and(yearIn(years)), d -> Set.of(d.kind())));
        assertThat(counts(result, "year"))
                .isEqualTo(expected(languageIn(russian).and(kindIn(charters)), d -> Set.of(String.valueOf(d.year()))));
        assertThat(counts(result, "body"))
                .isEqualTo(expected(
                        languageIn(russian).and(kindIn(charters)).and(yearIn(years)), d -> Set.of(d.issuingBody())));
    }

    @Test
    void choosingALanguageLeavesTheOtherLanguagesAndShowsOnlyTheChosenLanguagesEntries() {
        SearchResult all = search(Set.of(), Set.of(), Set.of());
        SearchResult french = search(Set.of("fr"), Set.of(), Set.of());

        assertThat(counts(french, "lang")).isEqualTo(counts(all, "lang"));
        assertThat(french.total())
                .isEqualTo(library.documents().filter(languageIn(Set.of("fr"))).count());
        assertThat(counts(french, "kind")).isEqualTo(expected(languageIn(Set.of("fr")), d -> Set.of(d.kind())));
        // an English original with a French translation is shown with the translation only
        assertThat(french.hits()).allSatisfy(hit -> {
            Stream<String> shown = Stream.concat(
                    hit.snippet() == null ? Stream.empty() : Stream.of(hit.language()),
                    hit.translations().stream().map(SearchResult.TranslationHit::language));
            assertThat(shown.toList()).containsOnly("fr");
        });
    }

    @Test
    void aChosenValueThatNothingHasStillListsTheAlternatives() {
        SearchResult none = search(Set.of(), Set.of("kit"), Set.of());

        assertThat(none.total()).isZero();
        assertThat(none.hits()).isEmpty();
        assertThat(counts(none, "kind")).isEqualTo(expected(d -> true, d -> Set.of(d.kind())));
        assertThat(none.facets().get("lang")).isEmpty();
    }

    @Test
    void dateOrderCountsTheSameWay() {
        SearchQuery byDate = new SearchQuery(
                "prison",
                new SearchFilters(Set.of(), Set.of("report"), Set.of(), Set.of(), Set.of()),
                SortOrder.DATE,
                1,
                10);

        SearchResult result = index.search(byDate);

        assertThat(counts(result, "kind")).isEqualTo(expected(d -> true, d -> Set.of(d.kind())));
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.kind()).isEqualTo("report"));
        assertThat(result.hits().get(0).year())
                .isEqualTo(library.documents()
                        .filter(kindIn(Set.of("report")))
                        .mapToInt(SearchableDocument::year)
                        .max()
                        .orElseThrow());
        assertThat(List.copyOf(result.hits())).isSortedAccordingTo((a, b) -> Integer.compare(b.year(), a.year()));
    }
}
