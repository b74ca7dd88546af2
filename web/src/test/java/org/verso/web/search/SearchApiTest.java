package org.verso.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.verso.library.Document;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.search.Concordance;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchableMemoryUnit;
import org.verso.search.SearchableTranslation;
import org.verso.search.TranslationStatus;
import org.verso.web.testing.Http;
import org.verso.web.testing.Http.Response;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;

/** The search API over the real application: catalogue, events, index, HTTP. */
class SearchApiTest extends WebTest {
    private static Document charter;

    @Autowired
    Documents documents;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LibraryIndex index;

    @Autowired
    Concordance concordance;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    Http coordinator;

    @BeforeEach
    void catalogue() throws Exception {
        var created = admin().postJson(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                "search-coordinator",
                                "password",
                                "search-coordinator-pw",
                                "roles",
                                List.of("COORDINATOR"),
                                "languages",
                                List.of("ru")));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        coordinator = http().as("search-coordinator", "search-coordinator-pw");
        if (charter == null) {
            charter = ingest(
                    "Quokkaland Charter on Policing",
                    "en",
                    DocumentKind.CHARTER,
                    2001,
                    "The quokkaland police respect the dignity of every person. Torture is forbidden.");
            ingest(
                    "Quokkaland Report",
                    "en",
                    DocumentKind.REPORT,
                    2010,
                    "A report on quokkaland prisons and the treatment of detainees.");
            awaitTotal("quokkaland", 2);
        }
    }

    private Document ingest(String title, String language, DocumentKind kind, int year, String text) throws Exception {
        Sha256 sha =
                Sha256.of(MessageDigest.getInstance("SHA-256").digest((title + text).getBytes(StandardCharsets.UTF_8)));
        Document document = documents.create(
                new NewDocument(title, kind, "Council of Europe", language, year, Set.of()),
                new NewFile(sha, title + ".pdf", "application/pdf", 1234, language, 0.9, 3, null, null, text));
        events.publishEvent(
                new DocumentIngested(document.id(), sha, title + ".pdf", "application/pdf", language, true));
        return document;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode awaitTotal(String query, long total) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode json;
        do {
            Response response = coordinator.get("/api/search?q=" + q(query));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            json = response.json();
            if (json.path("total").asLong() == total) {
                return json;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return json;
    }

    @Test
    void searchAnswersGroupedHitsWithFilesSnippetsAndFacets() throws Exception {
        JsonNode json = awaitTotal("+quokkaland torture", 2);

        assertThat(json.path("total").asLong()).isEqualTo(2);
        JsonNode first = json.path("hits").get(0);
        assertThat(first.path("title").asString()).isEqualTo("Quokkaland Charter on Policing");
        assertThat(first.path("documentId").asString()).isEqualTo(charter.id().toString());
        assertThat(first.path("language").asString()).isEqualTo("en");
        assertThat(first.path("kind").asString()).isEqualTo("charter");
        assertThat(first.path("snippet").asString()).contains("<mark>Torture</mark>");
        assertThat(first.path("score").asDouble()).isPositive();
        assertThat(first.path("files").get(0).path("name").asString()).isEqualTo("Quokkaland Charter on Policing.pdf");
        assertThat(first.path("files").get(0).path("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(first.path("translations").isArray()).isTrue();
        assertThat(json.path("facets").path("kind").toString())
                .contains("\"charter\"")
                .contains("\"report\"");
        assertThat(json.path("facets").has("lang")).isTrue();
        assertThat(json.has("suggestion")).isTrue();
        assertThat(json.path("approximate").isBoolean()).isTrue();
        assertThat(json.path("approximate").asBoolean()).isFalse();
    }

    @Test
    void operatorsSeeHowTheCacheOfRecentSearchesFares() throws Exception {
        awaitTotal("quokkaland", 2);
        coordinator.get("/api/search?q=quokkaland&page=1");
        long hits = index.cacheStatistics().hits();

        coordinator.get("/api/search?q=quokkaland&page=1"); // the same search, answered from the cache

        assertThat(index.cacheStatistics().hits()).isEqualTo(hits + 1);
        assertThat(meters.get("verso.search.cache.hits").functionCounter().count())
                .isEqualTo(hits + 1);
        assertThat(meters.get("verso.search.cache.misses").functionCounter().count())
                .isEqualTo(index.cacheStatistics().misses());
        assertThat(meters.get("verso.search.cache.hit.ratio").gauge().value())
                .isBetween(0.0, 1.0)
                .isPositive();
    }

    @Test
    void filtersSortAndPageComeFromTheQueryString() throws Exception {
        awaitTotal("quokkaland", 2);

        JsonNode reports =
                coordinator.get("/api/search?q=quokkaland&kind=report").json();
        assertThat(reports.path("total").asLong()).isEqualTo(1);
        assertThat(reports.path("hits").get(0).path("title").asString()).isEqualTo("Quokkaland Report");

        JsonNode byDate = coordinator
                .get("/api/search?q=quokkaland&sort=date&size=1&page=2")
                .json();
        assertThat(byDate.path("hits").size()).isEqualTo(1);
        assertThat(byDate.path("hits").get(0).path("title").asString()).isEqualTo("Quokkaland Charter on Policing");
        assertThat(byDate.path("page").asInt()).isEqualTo(2);

        JsonNode byYear =
                coordinator.get("/api/search?q=quokkaland&year=2010&year=2001").json();
        assertThat(byYear.path("total").asLong()).isEqualTo(2);
    }

    @Test
    void aRussianQueryMatchingARussianTranslationShowsTheOriginalWithTheTranslationBeneath() throws Exception {
        index.index(new SearchableTranslation(
                charter.id(),
                "ru",
                TranslationStatus.IN_REVIEW,
                "Хартия Квоккаленда",
                "Полиция Квоккаленда уважает достоинство каждого человека."));

        JsonNode json = awaitTotal("достоинство +квоккаленда", 1);

        JsonNode hit = json.path("hits").get(0);
        assertThat(hit.path("title").asString()).isEqualTo("Quokkaland Charter on Policing");
        assertThat(hit.path("language").asString()).isEqualTo("en");
        assertThat(hit.path("translations").get(0).path("language").asString()).isEqualTo("ru");
        assertThat(hit.path("translations").get(0).path("status").asString()).isEqualTo("in-review");
        assertThat(hit.path("translations").get(0).path("snippet").asString()).contains("<mark>достоинство</mark>");
        assertThat(json.path("facets").path("status").toString()).contains("in-review");
    }

    @Test
    void aSyntaxErrorAnswers400SayingWhatAndWhere() {
        Response response = coordinator.get("/api/search?q=" + q("torture \"cruel"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.problemCode()).isEqualTo("invalid-query");
        assertThat(response.json().path("detail").asString())
                .contains("quotation mark")
                .contains("position 9");
    }

    @Test
    void aSearchForDocumentsInALanguageOpensNoSession() {
        // "lang" here is the documents' language: it is not the shell's ?lang= switch, which keeps its choice in a
        // session (the API is stateless)
        HttpResponse<String> response =
                Http.exchange(HttpRequest.newBuilder(URI.create(http().url("/api/search?q=quokkaland&lang=ru")))
                        .header("Authorization", Http.basic("search-coordinator", "search-coordinator-pw"))
                        .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void badParametersAnswer400NeverA500() {
        Map<String, String> cases = Map.of(
                "/api/search?q=x&page=0",
                "invalid-page",
                "/api/search?q=x&page=abc",
                "invalid-page",
                "/api/search?q=x&size=1000",
                "invalid-page",
                "/api/search?q=x&page=5000",
                "invalid-page",
                "/api/search?q=x&sort=color",
                "invalid-sort",
                "/api/search?q=x&status=done",
                "invalid-translation-status",
                "/api/search?q=x&year=soon",
                "invalid-year",
                "/api/search?q=" + q("author:smith"),
                "invalid-query",
                "/api/search?q=" + q("*tion"),
                "invalid-query",
                "/api/search?q=" + q("a AND"),
                "invalid-query");
        cases.forEach((path, code) -> {
            Response response = coordinator.get(path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
            assertThat(response.problemCode()).as(path).isEqualTo(code);
        });
        Response tooLong = coordinator.get("/api/search?q=" + "word+".repeat(300));
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void anEmptyResultOffersASpellingSuggestionFromTheIndex() throws Exception {
        awaitTotal("quokkaland", 2);

        JsonNode json = coordinator.get("/api/search?q=quokkalnd").json();

        assertThat(json.path("total").asLong()).isZero();
        assertThat(json.path("suggestion").asString()).isEqualTo("quokkaland");
    }

    @Test
    void suggestsTitlesAsYouType() throws Exception {
        awaitTotal("quokkaland", 2);

        JsonNode json = coordinator.get("/api/search/suggest?q=quokkaland+char").json();

        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).path("title").asString()).isEqualTo("Quokkaland Charter on Policing");
        assertThat(json.get(0).path("documentId").asString())
                .isEqualTo(charter.id().toString());
    }

    @Test
    void concordanceFindsHowAPhraseWasTranslatedBefore() {
        concordance.index(List.of(
                new SearchableMemoryUnit(
                        "api-1",
                        "en",
                        "quokkaland police station",
                        "ru",
                        "полицейский участок Квоккаленда",
                        "test.tmx"),
                new SearchableMemoryUnit("api-2", "en", "quokkaland prison", "ru", "тюрьма Квоккаленда", "test.tmx")));
        concordance.refresh();

        JsonNode json = coordinator
                .get("/api/search/concordance?q=" + q("quokkaland police") + "&source=en&target=ru")
                .json();

        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).path("targetText").asString()).isEqualTo("полицейский участок Квоккаленда");
        assertThat(json.get(0).path("sourceSnippet").asString()).contains("<mark>police</mark>");
        assertThat(coordinator.get("/api/search/concordance?q=").problemCode()).isEqualTo("invalid-query");
        assertThat(coordinator.get("/api/search/concordance?q=x&limit=lots").problemCode())
                .isEqualTo("invalid-page");
    }

    @Test
    void anAdminRebuildsTheIndexAndFollowsItsProgress() throws Exception {
        Response started = admin().send("POST", "/api/search/rebuild", null, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("state").asString()).isIn("running", "done");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode progress;
        do {
            progress = admin().get("/api/search/rebuild").json();
            Thread.sleep(20);
        } while ("running".equals(progress.path("state").asString()) && System.nanoTime() < deadline);

        assertThat(progress.path("state").asString()).isEqualTo("done");
        assertThat(progress.path("done").asLong()).isEqualTo(documents.count());
        assertThat(awaitTotal("quokkaland", 2).path("total").asLong()).isEqualTo(2);
        assertThat(coordinator.send("POST", "/api/search/rebuild", null, "").status())
                .isEqualTo(403);
    }
}
