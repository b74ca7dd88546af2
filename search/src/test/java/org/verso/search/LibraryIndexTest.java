package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.library.InvalidInputException;
import org.verso.search.SearchResult.FacetCount;

class LibraryIndexTest {
    @TempDir
    Path dir;

    LibraryIndex index;
    SearchableDocument udhrEn;
    SearchableDocument udhrRu;
    SearchableDocument symfony;
    SearchableDocument charter;

    @BeforeEach
    void setUp() {
        index = new LibraryIndex(SearchProperties.defaults(dir));
        udhrEn = Library.document(
                "Universal Declaration of Human Rights",
                "en",
                "convention",
                "UN",
                1948,
                "No one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment."
                        + " Everyone has the right to education.");
        udhrRu = Library.document(
                "Всеобщая декларация прав человека",
                "ru",
                "convention",
                "UN",
                1948,
                "Никто не должен подвергаться пыткам или жестоким, бесчеловечным или унижающим его достоинство"
                        + " обращению и наказанию. Каждый человек имеет право на образование. Её ёлка.");
        symfony = Library.document(
                "Security messages",
                "ru",
                "other",
                "Symfony",
                2015,
                "Слишком много неудачных попыток входа, повторите попытку через минуту.");
        charter = Library.document(
                "Rotterdam Charter",
                "en",
                "charter",
                "Council of Europe",
                1996,
                "Policing for a multi-ethnic society. The police serve every community with respect for dignity.");
        try (var batch = index.batch()) {
            batch.add(udhrEn, List.of());
            batch.add(udhrRu, List.of());
            batch.add(symfony, List.of());
            batch.add(charter, List.of());
        }
        index.refresh();
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private SearchResult search(String text) {
        return index.search(SearchQuery.of(text));
    }

    private static List<String> titles(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::title).toList();
    }

    @Test
    void findsADocumentByAStemmedWordAndMarksTheMatchInTheSnippet() {
        SearchResult result = search("tortured");

        assertThat(titles(result)).containsExactly("Universal Declaration of Human Rights");
        assertThat(result.hits().get(0).snippet()).contains("<mark>torture</mark>");
        assertThat(result.hits().get(0).files()).hasSize(1);
    }

    @Test
    void russianTortureDoesNotMatchAttempts() {
        SearchResult result = search("пытки");

        assertThat(titles(result)).containsExactly("Всеобщая декларация прав человека");
        assertThat(titles(search("попытки"))).containsExactly("Security messages");
    }

    @Test
    void russianFoldsYoToYe() {
        assertThat(titles(search("елка"))).containsExactly("Всеобщая декларация прав человека");
        assertThat(titles(search("ЁЛКА"))).containsExactly("Всеобщая декларация прав человека");
        assertThat(titles(search("ЕЁ"))).containsExactly("Всеобщая декларация прав человека");
    }

    @Test
    void aKeyWordThatIsAStopWordOfItsLanguageIsStillFound() {
        index.index(
                Library.document("Grundgesetz", "de", "other", null, 1949, "Die Würde des Menschen ist unantastbar."));
        index.refresh();

        assertThat(titles(search("Würde"))).containsExactly("Grundgesetz");
    }

    @Test
    void escapesHtmlInSnippets() {
        index.index(Library.document("Markup", "en", "other", null, null, "<script>alert(1)</script> about torture"));
        index.refresh();

        String snippet = search("markup OR alert").hits().get(0).snippet();

        assertThat(snippet).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aRussianQueryMatchingARussianTranslationShowsTheEnglishOriginalWithTheTranslationBeneath() {
        index.index(new SearchableTranslation(
                charter.documentId(),
                "ru",
                TranslationStatus.IN_REVIEW,
                "Роттердамская хартия",
                "Полиция в многонациональном обществе служит каждой общине."));
        index.refresh();

        SearchResult result = search("полиция многонациональном");

        assertThat(result.total()).isEqualTo(1);
        SearchResult.Hit hit = result.hits().get(0);
        assertThat(hit.title()).isEqualTo("Rotterdam Charter");
        assertThat(hit.language()).isEqualTo("en");
        assertThat(hit.snippet()).isNull();
        assertThat(hit.translations()).singleElement().satisfies(t -> {
            assertThat(t.language()).isEqualTo("ru");
            assertThat(t.status()).isEqualTo("in-review");
            assertThat(t.snippet()).contains("<mark>Полиция</mark>");
        });
    }

    @Test
    void aDocumentMatchingInOriginalAndTranslationIsOneHitCountedOnce() {
        index.index(new SearchableTranslation(
                udhrEn.documentId(), "fr", TranslationStatus.APPROVED, "Déclaration", "la torture est interdite"));
        index.refresh();

        SearchResult result = search("torture");

        assertThat(result.total()).isEqualTo(1);
        assertThat(result.hits().get(0).snippet()).contains("<mark>torture</mark>");
        assertThat(result.hits().get(0).translations())
                .extracting(SearchResult.TranslationHit::language)
                .containsExactly("fr");
        assertThat(result.facets().get("lang"))
                .containsExactlyInAnyOrder(new FacetCount("en", 1), new FacetCount("fr", 1));
        assertThat(result.facets().get("kind")).containsExactly(new FacetCount("convention", 1));
        assertThat(result.facets().get("status")).containsExactly(new FacetCount("approved", 1));
    }

    @Test
    void translationsSurviveReindexingTheirDocument() {
        index.index(
                new SearchableTranslation(charter.documentId(), "ru", TranslationStatus.APPROVED, "Хартия", "полиция"));
        index.index(charter);
        index.refresh();

        assertThat(search("полиция").hits()).singleElement().satisfies(hit -> assertThat(hit.translations())
                .hasSize(1));
        index.removeTranslation(charter.documentId(), "ru");
        index.refresh();
        assertThat(search("полиция").total()).isZero();
    }

    @Test
    void severalTranslationsIndexedTogetherEachLandBeneathTheirDocumentAndKeepTheOthers() {
        index.index(new SearchableTranslation(
                charter.documentId(), "fr", TranslationStatus.APPROVED, "Charte", "gendarme"));
        index.indexTranslations(List.of(
                new SearchableTranslation(
                        charter.documentId(), "ru", TranslationStatus.IN_TRANSLATION, null, "полиция"),
                new SearchableTranslation(charter.documentId(), "de", TranslationStatus.IN_REVIEW, null, "Polizei"),
                new SearchableTranslation(udhrEn.documentId(), "ru", TranslationStatus.APPROVED, null, "полиция"),
                new SearchableTranslation(
                        charter.documentId(), "ru", TranslationStatus.IN_TRANSLATION, null, "полиция общины")));
        index.refresh();

        assertThat(titles(search("полиция")))
                .containsExactlyInAnyOrder("Rotterdam Charter", "Universal Declaration of Human Rights");
        assertThat(search("общины").hits()).singleElement().satisfies(hit -> assertThat(hit.translations())
                .extracting(SearchResult.TranslationHit::language)
                .containsExactly("ru")); // the later of the two Russian texts
        assertThat(titles(search("gendarme"))).containsExactly("Rotterdam Charter");
        assertThat(titles(search("Polizei"))).containsExactly("Rotterdam Charter");
    }

    @Test
    void facetsCountDocumentsAndWorkAsFilters() {
        SearchResult all = index.search(SearchQuery.of(""));

        assertThat(all.total()).isEqualTo(4);
        assertThat(all.facets().get("lang")).containsExactly(new FacetCount("en", 2), new FacetCount("ru", 2));
        assertThat(all.facets().get("year")).contains(new FacetCount("1948", 2));
        assertThat(all.facets().get("body")).contains(new FacetCount("UN", 2), new FacetCount("Council of Europe", 1));

        var filters = new SearchFilters(Set.of("ru"), Set.of("convention"), Set.of(), Set.of(), Set.of());
        SearchResult narrowed = index.search(new SearchQuery("", filters, SortOrder.RELEVANCE, 1, 10));
        assertThat(titles(narrowed)).containsExactly("Всеобщая декларация прав человека");

        var byBody = new SearchFilters(Set.of(), Set.of(), Set.of("Council of Europe"), Set.of(), Set.of(1996));
        assertThat(titles(index.search(new SearchQuery("", byBody, SortOrder.RELEVANCE, 1, 10))))
                .containsExactly("Rotterdam Charter");
    }

    @Test
    void sortsByDateAndTitleAndPages() {
        var byDate = index.search(new SearchQuery("", SearchFilters.NONE, SortOrder.DATE, 1, 10));
        assertThat(byDate.hits().get(0).title()).isEqualTo("Security messages");
        assertThat(byDate.hits().get(1).title()).isEqualTo("Rotterdam Charter");

        var byTitle = index.search(new SearchQuery("", SearchFilters.NONE, SortOrder.TITLE, 1, 2));
        assertThat(titles(byTitle)).containsExactly("Rotterdam Charter", "Security messages");
        var secondPage = index.search(new SearchQuery("", SearchFilters.NONE, SortOrder.TITLE, 2, 2));
        assertThat(titles(secondPage))
                .containsExactly("Universal Declaration of Human Rights", "Всеобщая декларация прав человека");
        assertThat(secondPage.total()).isEqualTo(4);
        var beyond = index.search(new SearchQuery("", SearchFilters.NONE, SortOrder.TITLE, 3, 2));
        assertThat(beyond.hits()).isEmpty();
    }

    @Test
    void understandsTheQueryLanguage() {
        assertThat(titles(search("\"cruel, inhuman\""))).containsExactly("Universal Declaration of Human Rights");
        assertThat(titles(search("\"inhuman cruel\""))).isEmpty();
        assertThat(titles(search("torture AND NOT education"))).isEmpty();
        assertThat(titles(search("polic* OR декларац*")))
                .containsExactlyInAnyOrder("Rotterdam Charter", "Всеобщая декларация прав человека");
        assertThat(titles(search("tortre~"))).containsExactly("Universal Declaration of Human Rights");
        assertThat(titles(search("title:charter"))).containsExactly("Rotterdam Charter");
        assertThat(titles(search("kind:charter OR lang:ru"))).hasSize(3);
        assertThat(titles(search("body:europe"))).containsExactly("Rotterdam Charter");
        assertThat(titles(search("year:[1990 TO 2000]"))).containsExactly("Rotterdam Charter");
        assertThat(titles(search("CAT/OPCAT torture"))).containsExactly("Universal Declaration of Human Rights");
    }

    @Test
    void yearRangesMayBeOpenAtEitherEnd() {
        assertThat(titles(search("year:[* TO 2000]")))
                .containsExactlyInAnyOrder(
                        "Universal Declaration of Human Rights",
                        "Всеобщая декларация прав человека",
                        "Rotterdam Charter");
        assertThat(titles(search("year:[1990 TO *]")))
                .containsExactlyInAnyOrder("Rotterdam Charter", "Security messages");
        assertThat(titles(search("year:{* TO *}"))).hasSize(4);
        assertThat(titles(search("year:{1948 TO 1996}"))).isEmpty();
        assertThat(titles(search("year:{2147483647 TO *]"))).isEmpty();
        assertThat(titles(search("year:[* TO -2147483648}"))).isEmpty();
    }

    @Test
    void aPageTimesSizeBeyondTheWindowIsRefusedEvenWhereIntWouldWrapAround() {
        // (107374183 - 1) × 20 + 20 wraps to a negative int: it once slipped past the check
        for (int[] pageAndSize : new int[][] {{107374183, 20}, {Integer.MAX_VALUE, 10}, {Integer.MAX_VALUE, 100}}) {
            assertThatThrownBy(() -> index.search(new SearchQuery(
                            "", SearchFilters.NONE, SortOrder.RELEVANCE, pageAndSize[0], pageAndSize[1])))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("beyond");
        }
        assertThat(index.search(new SearchQuery("", SearchFilters.NONE, SortOrder.TITLE, 1000, 10))
                        .hits())
                .isEmpty(); // the deepest page served is still served
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        assertThatThrownBy(() -> search("torture \"cruel"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("quotation mark")
                .hasMessageContaining("position 9");
        assertThatThrownBy(() -> search("torture AND"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("ends too early");
        assertThatThrownBy(() -> search("(torture OR cruel"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> search("author:smith"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("unknown field 'author:'")
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> search("right *tion"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("position 7");
        assertThatThrownBy(() -> search("status:done"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("not a translation status");
        assertThatThrownBy(() -> search("year:[abc TO 2000]")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> search("torture AND AND cruel"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("position 13");
        assertThatThrownBy(() -> index.search(new SearchQuery("x", SearchFilters.NONE, SortOrder.RELEVANCE, 2000, 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("beyond");
    }

    @Test
    void highlightsPrefixFuzzyAndPhraseMatches() {
        assertThat(search("tortur*").hits().get(0).snippet()).contains("<mark>torture</mark>");
        assertThat(search("tortre~").hits().get(0).snippet()).contains("<mark>torture</mark>");
        assertThat(search("\"degrading treatment\"").hits().get(0).snippet()).contains("<mark>degrading</mark>");
        assertThat(search("пытк*").hits().get(0).snippet()).contains("<mark>пыткам</mark>");
    }

    @Test
    void offersASpellingSuggestionWhenNothingMatches() {
        SearchResult result = search("tortuer educaton");

        assertThat(result.total()).isZero();
        assertThat(result.suggestion()).isEqualTo("torture education");
        assertThat(search("torture").suggestion()).isNull();
    }

    @Test
    void suggestsTitlesAsYouType() {
        assertThat(index.suggestTitles("всеоб", 5))
                .extracting(TitleSuggestion::title)
                .containsExactly("Всеобщая декларация прав человека");
        assertThat(index.suggestTitles("universal decl", 5))
                .extracting(TitleSuggestion::title)
                .containsExactly("Universal Declaration of Human Rights");
        assertThat(index.suggestTitles("rot", 5))
                .extracting(TitleSuggestion::documentId)
                .containsExactly(charter.documentId().toString());
        assertThat(index.suggestTitles("zzz", 5)).isEmpty();
    }

    @Test
    void findsChineseAndJapaneseText() {
        index.index(Library.document("世界人权宣言", "zh", "convention", "UN", 1948, "人人生而自由,在尊严和权利上一律平等。"));
        index.index(Library.document("世界人権宣言", "ja", "convention", "UN", 1948, "すべての人間は、生れながらにして自由であり"));
        index.refresh();

        assertThat(titles(search("尊严"))).containsExactly("世界人权宣言");
        assertThat(titles(search("人間"))).containsExactly("世界人権宣言");
        assertThat(search("尊严").hits().get(0).snippet()).contains("<mark>");
    }

    /**
     * The background refresh makes it searchable, at most {@code verso.search.refresh-interval} later (between 10 ms
     * and 1 s, {@code SearchPropertiesTest}); no time is asserted here, a busy build machine would break it.
     */
    @Test
    void aNewDocumentBecomesSearchableWithoutAnExplicitRefresh() throws Exception {
        SearchableDocument fresh = Library.document("Fresh", "en", "report", null, 2024, "a zebra crossing report");
        long start = System.nanoTime();
        index.index(fresh);
        while (search("zebra").total() == 0 && System.nanoTime() - start < 30_000_000_000L) {
            Thread.sleep(10);
        }

        assertThat(search("zebra").total()).isEqualTo(1);
    }

    @Test
    void deletesADocument() {
        index.delete(charter.documentId());
        index.refresh();

        assertThat(search("charter").total()).isZero();
        assertThat(index.documentCount()).isEqualTo(3);
    }
}
