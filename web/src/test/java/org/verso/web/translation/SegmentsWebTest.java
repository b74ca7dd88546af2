package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.DocumentIngested;
import org.verso.library.LanguageTag;
import org.verso.web.testing.Http;

/** The segments of an ingested document over the API and as the document page's section, in the running app. */
@AutoConfigureMockMvc
class SegmentsWebTest extends SegmentsTestBase {
    private static final String PASSWORD = "segments-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts users;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theApiListsSegmentsWithTheirCodesPageByPage() {
        DocumentIngested docx = ingest(
                docx("The police must respect <b>human dignity</b>. Torture is forbidden. Is case " + System.nanoTime()
                        + " clear?"),
                "kit.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "");

        Http.Response response = account("segments-translator", Role.TRANSLATOR, "en")
                .get("/api/documents/" + docx.documentId() + "/segments?page=1&size=2");

        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.get("total").asLong()).isEqualTo(3);
        assertThat(json.get("roundTrip").asBoolean()).isTrue();
        assertThat(json.get("segments")).hasSize(2);
        assertThat(json.get("segments").get(0).get("text").asString())
                .isEqualTo("The police must respect human dignity.");
        assertThat(json.get("segments").get(0).get("source").asString())
                .matches("The police must respect <g id=\"\\d+\">human dignity</g>\\.");
        assertThat(json.get("segments").get(0).get("status").asString()).isEqualTo("new");
        assertThat(json.get("files").get(0).get("state").asString()).isEqualTo("segmented");
        assertThat(json.get("files").get(0).get("format").asString()).isEqualTo("DOCX");
        assertThat(json.get("page").asInt()).isEqualTo(1); // pages count from 1 in every list of the API
        var second = admin().get("/api/documents/" + docx.documentId() + "/segments?page=2&size=2")
                .json();
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("segments")).hasSize(1);
        assertThat(second.get("segments").get(0).get("index").asInt()).isEqualTo(2);
    }

    @Test
    void aPdfSaysItsTranslationWillBeANewDocx() throws Exception {
        DocumentIngested pdf = ingest(
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII),
                "charter.pdf",
                "application/pdf",
                "Полиция уважает права человека. Пытки запрещены.");

        var json =
                admin().get("/api/documents/" + pdf.documentId() + "/segments").json();
        assertThat(json.get("roundTrip").asBoolean()).isFalse();
        assertThat(json.get("files").get(0).get("roundTrip").asBoolean()).isFalse();
        assertThat(json.get("total").asLong()).isEqualTo(2);

        String en = fragment(pdf, "segments-coordinator-en", "en");
        assertThat(en).contains("id=\"segments-new-docx\"").contains("will come out as a new DOCX");
        assertThat(en).contains("Полиция уважает права человека.").contains("charter.pdf");
        String ru = fragment(pdf, "segments-coordinator-ru", "ru");
        assertThat(ru).contains("Сегменты").contains("будет создан как новый файл DOCX");
    }

    @Test
    void theSectionShowsCodesAsMarksAndEscapesTheText() throws Exception {
        DocumentIngested docx = ingest(
                docx("Press <b>Save &amp; go</b> &lt;now&gt;. " + System.nanoTime()),
                "codes.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "");

        String html = fragment(docx, "segments-coordinator-en", "en");

        assertThat(html).contains("<section class=\"card\" id=\"segments\"");
        assertThat(html).containsPattern("⟨\\d+</span><span>Save &amp; go</span><span[^>]*>\\d+⟩");
        assertThat(html).contains("&lt;now&gt;").doesNotContain("<now>");
        assertThat(html).doesNotContain("segments-new-docx");
    }

    @Test
    void theDocumentPageLoadsTheSegmentsSection() throws Exception {
        DocumentIngested text =
                ingest(("A page. " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), "page.txt", "text/plain", "");
        account("segments-coordinator-en", Role.COORDINATOR, "en");

        String page = mvc.perform(get("/documents/" + text.documentId())
                        .accept(MediaType.TEXT_HTML)
                        .with(user(accounts.loadUserByUsername("segments-coordinator-en"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("id=\"segments\"")
                .contains("hx-get=\"/documents/" + text.documentId() + "/segments\"")
                .contains("hx-trigger=\"load\"");
    }

    @Test
    void badRequestsGetProblemDetails() {
        DocumentIngested text =
                ingest(("Some text. " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain", "");

        Http.Response unknown = admin().get("/api/documents/00000000-0000-0000-0000-00000000abcd/segments");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:verso:problem:document-not-found");
        Http.Response malformed = admin().get("/api/documents/not-a-uuid/segments");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("urn:verso:problem:invalid-document-id");
        for (String query : new String[] {
            "page=0", "page=-1", "size=0", "size=501", "page=2147483647&size=500", "page=4294969&size=500"
        }) {
            Http.Response bad = admin().get("/api/documents/" + text.documentId() + "/segments?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.body()).as(query).contains("urn:verso:problem:invalid-page");
        }
        Http.Response notANumber = admin().get("/api/documents/" + text.documentId() + "/segments?page=x");
        assertThat(notANumber.status()).isEqualTo(400);
    }

    @Test
    void logisticsStaffCannotSeeSegments() {
        Http.Response refused = account("segments-logistics", Role.LOGISTICS, "en")
                .get("/api/documents/00000000-0000-0000-0000-000000000001/segments");

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Properties en = new Properties();
        Properties ru = new Properties();
        en.load(new ClassPathResource("i18n/translation.properties").getInputStream());
        ru.load(new ClassPathResource("i18n/translation_ru.properties").getInputStream());

        assertThat(ru.keySet()).isEqualTo(en.keySet());
    }

    private String fragment(DocumentIngested ingested, String username, String language) throws Exception {
        account(username, Role.COORDINATOR, language);
        return mvc.perform(get("/documents/" + ingested.documentId() + "/segments")
                        .accept(MediaType.TEXT_HTML)
                        .with(user(accounts.loadUserByUsername(username))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Http account(String username, Role role, String language) {
        if (users.findByUsername(username).isEmpty()) {
            users.create(
                    new CreateAccount(username, null, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), language));
        }
        return http().as(username, PASSWORD);
    }
}
