package org.verso.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;

/**
 * A judged cross-language query: an English word finds the Russian document through the glossary's approved
 * translation, says what it also searched, and finds nothing in Russian when the expansion is switched off.
 */
class CrossLanguageSearchTest extends WebTest {
    @Autowired
    Documents documents;

    @Autowired
    ApplicationEventPublisher events;

    Document ingest(String title, String language, String text) throws Exception {
        Sha256 sha =
                Sha256.of(MessageDigest.getInstance("SHA-256").digest((title + text).getBytes(StandardCharsets.UTF_8)));
        Document document = documents.create(
                new NewDocument(title, DocumentKind.REPORT, "Verso tests", language, 2020, Set.of()),
                new NewFile(sha, title + ".pdf", "application/pdf", 1234, language, 0.9, 3, null, null, text));
        events.publishEvent(
                new DocumentIngested(document.id(), sha, title + ".pdf", "application/pdf", language, true));
        return document;
    }

    static List<String> ids(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("hits").forEach(h -> ids.add(h.path("documentId").asString()));
        return ids;
    }

    JsonNode search(Http http, String query, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode json;
        do {
            var response = http.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            json = response.json();
            if (json.path("total").asLong() >= atLeast) {
                return json;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return json;
    }

    /** An English term of the glossary with its approved Russian translation. */
    static void term(Http admin, String english, String russian) {
        var term = admin.postJson(
                "/api/glossary/terms",
                Map.of("sourceLanguage", "en", "targetLanguage", "ru", "sourceTerm", english, "targetTerm", russian));
        assertThat(term.status()).as(term.body()).isEqualTo(201);
    }

    @Test
    void anEnglishWordFindsTheRussianDocumentThroughTheGlossaryAndSaysSo() throws Exception {
        Http admin = admin();
        term(admin, "zorblax", "зорбликс");
        Document russian = ingest("Доклад о зорбликсе", "ru", "Зорбликс запрещён всегда и везде.");

        JsonNode found = search(admin, "zorblax", 1);
        assertThat(ids(found)).contains(russian.id().toString());
        assertThat(found.path("alsoSearched").get(0).asString()).isEqualTo("зорбликс");
        // and the other way round
        assertThat(search(admin, "зорбликс", 1).path("alsoSearched").get(0).asString())
                .isEqualTo("zorblax");

        var plain = admin.get("/api/search?q=zorblax&expand=false").json();
        assertThat(ids(plain)).doesNotContain(russian.id().toString());
        assertThat(plain.path("alsoSearched")).isEmpty();
        // a query in the query language is searched as typed
        assertThat(admin.get("/api/search?q=" + URLEncoder.encode("title:zorblax", StandardCharsets.UTF_8))
                        .json()
                        .path("alsoSearched"))
                .isEmpty();
    }

    String html(String path) {
        var response = Http.exchange(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http().url(path)))
                .header("Accept", "text/html")
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** A parameter's value in a link, decoded. */
    static String parameter(String link, String name) {
        for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The page's links to the search page, decoded from HTML. */
    static List<String> searchLinks(String page) {
        List<String> links = new ArrayList<>();
        var href =
                java.util.regex.Pattern.compile("href=\"(/search\\?[^\"]*)\"").matcher(page);
        while (href.find()) {
            links.add(href.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    @Test
    void theExpansionSwitchedOffOnThePageStaysOffAlongItsLinks() throws Exception {
        Http admin = admin();
        term(admin, "quibblex", "квибблекс");
        Document english = ingest("Report on quibblex", "en", "Quibblex is forbidden everywhere.");
        Document russian = ingest("Доклад о квибблексе", "ru", "Квибблекс запрещён всегда и везде.");
        search(admin, "quibblex", 2);

        String page = html("/search?q=quibblex&expand=false");
        assertThat(page)
                .contains(english.id().toString())
                .doesNotContain(russian.id().toString());
        List<String> links = searchLinks(page);
        // facets and sorting at least, each keeping the switch
        assertThat(links).hasSizeGreaterThanOrEqualTo(3).allMatch(l -> l.contains("expand=false"), "expand=false");
        assertThat(page).contains("name=\"expand\" value=\"false\"");

        // deeper along the links: a chosen facet, another order, the second page of one-hit pages, clearing the
        // filters, the spelling suggestion; each link keeps the switch once and what it was built for
        ingest("Second report on quibblex", "en", "Quibblex is forbidden here too.");
        search(admin, "quibblex", 3);
        String deeper = html("/search?q=quibblex&lang=en&sort=date&size=1&page=2&expand=false");
        List<String> deeperLinks = searchLinks(deeper);
        assertThat(deeperLinks)
                .anyMatch(l -> l.contains("page=1") || !l.contains("page="), "the previous page")
                .anyMatch(l -> l.contains("page=3") || l.contains("sort=title"), "the next page or another order")
                .allMatch(l -> l.split("expand=false", -1).length == 2, "expand=false once");
        assertThat(deeperLinks.stream().filter(l -> l.contains("sort=date")).toList())
                .allMatch(l -> l.contains("size=1"), "the page size kept");
        assertThat(deeper).contains("id=\"previous\"").contains("id=\"clear-filters\"");
        // a query in the query language keeps its braces and its '+' along the links (they were a URI template
        // variable that failed the page, and a space)
        String typed = "+quibblex year:{2019 TO *}";
        String ranged = html("/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8) + "&expand=false");
        assertThat(ranged).contains(english.id().toString());
        assertThat(searchLinks(ranged))
                .isNotEmpty()
                .allMatch(l -> l.contains("expand=false"), "expand=false")
                .allMatch(l -> typed.equals(parameter(l, "q")), "the query as typed");
        String misspelt = html("/search?q=quibblexx&expand=false");
        assertThat(misspelt).contains("id=\"suggestion\"");
        assertThat(searchLinks(misspelt)).allMatch(l -> l.contains("expand=false"), "expand=false");

        // expanded (the default), the links carry nothing of it and the page offers to switch it off
        String expanded = html("/search?q=quibblex");
        assertThat(expanded).contains(russian.id().toString()).contains("id=\"no-expansion\"");
        assertThat(expanded).doesNotContain("name=\"expand\"");
    }

    @Test
    void anEnglishWordFindsTheRussianDocumentThroughTheWordsTheMemoryTranslatesItWith() throws Exception {
        Http admin = admin();
        String tmx = "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en\"/><body>"
                + unit("Glorbex is prohibited in every prison.", "Глорбекс запрещён в каждой тюрьме.")
                + unit("No one shall be subjected to glorbex.", "Никто не должен подвергаться глорбексу.")
                + unit("The victims of glorbex have a right to redress.", "Жертвы глорбекса имеют право на возмещение.")
                + unit("Glorbex leaves no trace.", "Глорбекс не оставляет следов.")
                + "</body></tmx>";
        var imported = org.verso.web.memory.MemoryApiTest.upload(admin, Map.of("glorbex.tmx", tmx));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Document russian = ingest("Доклад о глорбексе", "ru", "Глорбекс запрещён всегда и везде.");

        // no glossary term: the memory's four units agree on the word
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode found = search(admin, "glorbex", 1);
        while (!ids(found).contains(russian.id().toString()) && System.nanoTime() < deadline) {
            Thread.sleep(100); // the memory reaches the concordance index within its refresh interval
            found = search(admin, "glorbex", 1);
        }
        assertThat(ids(found)).contains(russian.id().toString());
        assertThat(found.path("alsoSearched").get(0).asString()).isEqualTo("глорбекс");
        assertThat(ids(admin.get("/api/search?q=glorbex&expand=false").json()))
                .doesNotContain(russian.id().toString());
    }

    static String unit(String english, String russian) {
        return "<tu><tuv xml:lang=\"en\"><seg>" + english + "</seg></tuv><tuv xml:lang=\"ru\"><seg>" + russian
                + "</seg></tuv></tu>";
    }
}
