package org.verso.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.LanguageTag;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchMaintenance;
import org.verso.search.SearchQuery;
import org.verso.search.SearchableTranslation;
import org.verso.search.TranslationStatus;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search page as the server renders it: box, facets as links that keep the search in the address, hits. */
@AutoConfigureMockMvc
class SearchPageTest extends WebTest {
    private static DocumentId charter;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts users;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    LibraryIndex index;

    @Autowired
    SearchMaintenance maintenance;

    @Autowired
    Documents documents;

    @Autowired
    ApplicationEventPublisher events;

    UserDetails coordinator;

    @BeforeEach
    void setUp() throws Exception {
        if (users.findByUsername("page-coordinator").isEmpty()) {
            users.create(new CreateAccount(
                    "page-coordinator",
                    null,
                    "page-coordinator-1",
                    Set.of(Role.COORDINATOR),
                    Set.of(LanguageTag.of("ru")),
                    "en"));
        }
        coordinator = accounts.loadUserByUsername("page-coordinator");
        if (charter == null) {
            charter = ingest(
                    "Wombatia Charter <b>bold</b>",
                    "en",
                    DocumentKind.CHARTER,
                    1996,
                    "Policing in wombatia: the police serve every community.");
            ingest("Wombatia Report", "fr", DocumentKind.REPORT, 2005, "Rapport sur la police de wombatia.");
        }
        // translations come from no catalogue yet: a rebuild (other tests ask for some) drops them, so index it anew
        awaitNoRebuild();
        index.index(new SearchableTranslation(
                charter, "ru", TranslationStatus.APPROVED, "Хартия Вомбатии", "Полиция Вомбатии служит всем."));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (index.search(SearchQuery.of("wombatia")).total() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        index.refresh();
    }

    private void awaitNoRebuild() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (maintenance.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private DocumentId ingest(String title, String language, DocumentKind kind, int year, String text)
            throws Exception {
        Sha256 sha =
                Sha256.of(MessageDigest.getInstance("SHA-256").digest((title + text).getBytes(StandardCharsets.UTF_8)));
        Document document = documents.create(
                new NewDocument(
                        title,
                        kind,
                        kind == DocumentKind.CHARTER ? "Council of Europe" : "UN",
                        language,
                        year,
                        Set.of()),
                new NewFile(
                        sha,
                        title + ".odt",
                        "application/vnd.oasis.opendocument.text",
                        99,
                        language,
                        0.9,
                        null,
                        null,
                        null,
                        text));
        events.publishEvent(new DocumentIngested(document.id(), sha, title + ".odt", "text/plain", language, true));
        return document.id();
    }

    private String page(String url, Object... variables) throws Exception {
        var result = mvc.perform(get(url, variables).with(user(coordinator))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    @Test
    void showsHitsWithSnippetsTranslationsAndFacetLinksThatKeepTheSearchInTheAddress() throws Exception {
        String html = page("/search?q={q}", "wombatia OR вомбатии");

        assertThat(html).contains("id=\"q\"").contains("value=\"wombatia OR вомбатии\"");
        assertThat(html).contains("2 documents");
        assertThat(html).contains("Wombatia Charter &lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
        assertThat(html).contains("<mark>wombatia</mark>");
        assertThat(html).contains("href=\"/documents/" + charter + "\"");
        assertThat(html).contains("data-language=\"ru\"").contains("Хартия Вомбатии");
        assertThat(html)
                .contains(
                        "href=\"/search?q=wombatia%20OR%20%D0%B2%D0%BE%D0%BC%D0%B1%D0%B0%D1%82%D0%B8%D0%B8&amp;kind=charter\"");
        assertThat(html).contains("&amp;lang=fr\"");
        assertThat(html).contains("/js/search.js");
    }

    @Test
    void aChosenFacetIsMarkedAndItsLinkRemovesIt() throws Exception {
        String html = page("/search?q=wombatia&kind=charter");

        assertThat(html).contains("1 document");
        assertThat(html).contains("class=\"chosen\"").contains("aria-pressed=\"true\"");
        assertThat(html).contains("href=\"/search?q=wombatia\"");
        assertThat(html).contains("name=\"kind\" value=\"charter\"");
    }

    @Test
    void aBadQueryIsExplainedOnThePage() throws Exception {
        String html = page("/search?q={q}", "\"unclosed");

        assertThat(html)
                .contains("id=\"search-error\"")
                .contains("quotation mark")
                .contains("position 1");
    }

    @Test
    void aTypoOffersTheCorrectionAsALink() throws Exception {
        String html = page("/search?q=wombatai");

        assertThat(html).contains("id=\"suggestion\"").contains("href=\"/search?q=wombatia\"");
    }

    @Test
    void onlyAdminsSeeTheRebuildPanel() throws Exception {
        assertThat(page("/search")).doesNotContain("rebuild-button");

        UserDetails admin = accounts.loadUserByUsername("admin");
        String html = mvc.perform(get("/search").with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("rebuild-button");

        var posted = mvc.perform(post("/search/rebuild").with(user(admin)).with(csrf()))
                .andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/search");
        String panel = mvc.perform(get("/search/rebuild").with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(panel).contains("id=\"rebuild-progress\"");
        assertThat(panel)
                .as("the reason is said in words, not as its code")
                .contains("started by an administrator")
                .doesNotContain("(admin)");
    }

    @Test
    void theJsonVariantAnswersABadQueryWithTheApisProblem() throws Exception {
        var response = mvc.perform(get("/search")
                        .param("q", "police \"wombatia")
                        .accept(MediaType.APPLICATION_JSON)
                        .with(user(coordinator)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("type").asString()).isEqualTo("urn:verso:problem:invalid-query");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asString()).contains("quotation mark").contains("position 8");
    }

    @Test
    void theJsonVariantAnswersBadParametersWithProblemsToo() throws Exception {
        for (String[] bad : new String[][] {{"page", "0", "invalid-page"}, {"sort", "loudness", "invalid-sort"}}) {
            var response = mvc.perform(get("/search")
                            .param("q", "police")
                            .param(bad[0], bad[1])
                            .accept(MediaType.APPLICATION_JSON)
                            .with(user(coordinator)))
                    .andReturn()
                    .getResponse();

            assertThat(response.getStatus()).as(bad[0]).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("urn:verso:problem:" + bad[2]);
        }
    }

    @Test
    void theJsonVariantReadsItsParametersAsTheApiDoes() throws Exception {
        // the page's JSON reads its query string by hand (docs/search.md, Speed); the API binds @RequestParams
        for (String query : new String[] {
            "q=wombatia",
            "q=wombatia&lang=en,fr",
            "q=wombatia&lang=en&lang=fr&lang=",
            "q=wombatia&kind=charter&kind=report&sort=date",
            "q=wombatia&year=1996,2005&size=1&page=2",
            "q=police&q=wombatia",
            "q=wombatia&expand=no",
            "q=wombatia&expand=OFF",
            "q=wombatia&expand=1&expand=false",
            "q=wombatia&expand=&page=&size=",
            "lang=ru&status=approved"
        }) {
            var page = mvc.perform(get("/search?" + query)
                            .accept(MediaType.APPLICATION_JSON)
                            .with(user(coordinator)))
                    .andReturn()
                    .getResponse();
            var api = mvc.perform(get("/api/search?" + query).with(user(coordinator)))
                    .andReturn()
                    .getResponse();

            assertThat(page.getStatus()).as(query).isEqualTo(200);
            assertThat(api.getStatus()).as(query).isEqualTo(200);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                    .as(query)
                    .isEqualTo(api.getContentAsString(StandardCharsets.UTF_8));
        }
        var bad = mvc.perform(get("/search?q=wombatia&expand=maybe")
                        .accept(MediaType.APPLICATION_JSON)
                        .with(user(coordinator)))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("urn:verso:problem:invalid-expand");
    }

    @Test
    void searchingDocumentsInRussianLeavesTheInterfaceLanguageAlone() throws Exception {
        for (var search : new RequestBuilder[] {
            get("/search?q=wombatia&lang=ru").with(user(coordinator)),
            get("/search?q=wombatia&lang=ru").accept(MediaType.APPLICATION_JSON).with(user(coordinator))
        }) {
            var request = mvc.perform(search).andReturn().getRequest();

            var session = request.getSession(false);
            assertThat(session == null ? null : session.getAttribute("org.verso.web.shell.UserLocaleResolver.LOCALE"))
                    .isNull();
        }
    }

    @Test
    void suggestionsForTheBoxComeFromTheSession() throws Exception {
        String json = mvc.perform(get("/search/suggest?q={q}", "вомб").with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(json).contains("Хартия Вомбатии").doesNotContain("Wombatia Report");
    }
}
