package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.web.testing.Browser;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The glossary page and the quality checks in real browsers: a coordinator imports terms and sees the report; in the
 * editor the source's terms are marked with their translation, the issues of a saved target show under it, a warning
 * is accepted with a reason, and the review page lists the open issues per segment.
 */
class QualityAndGlossaryBrowserTest extends SegmentsTestBase {
    static final String PASSWORD = "quality-glossary-password-1";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Accounts accounts;

    @BeforeEach
    void accounts() {
        browser.at(port).size(1280, 900);
        account("qg-cora", "Cora Coordinator", Role.COORDINATOR);
        account("qg-tanya", "Tanya Translator", Role.TRANSLATOR);
    }

    void account(String username, String name, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(
                    new CreateAccount(username, name, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), "en"));
        }
    }

    Http as(String username) {
        return http().as(username, PASSWORD);
    }

    void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "page at the timeout: " + browser.find("main").getText(), e);
        }
    }

    @Test
    void termsImportedOnTheGlossaryPageAreMarkedInTheEditorAndTheirChecksShowUnderTheSegment() throws IOException {
        String t = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Path csv = Files.createTempFile("glossary-", ".csv");
        Files.writeString(
                csv, "source_term,target_term,forbidden\ntorture" + t + ",пытки" + t + ",истязания" + t + "\n");

        browser.signIn("qg-cora", PASSWORD).waitFor("#who");
        browser.open("/glossary").waitFor("#gl-import");
        browser.find("#gl-file").sendKeys(csv.toString());
        browser.type("#gl-i-source", "en").type("#gl-i-target", "ru").click("#gl-import-go");
        browser.waitFor("#gl-report-table tbody tr.outcome-added");
        assertThat(browser.find("#gl-report-summary").getText()).contains("Added 1");
        browser.type("#gl-f-q", "torture" + t).click("#gl-filter button[type=submit]");
        until(d -> browser.all("#gl-terms .gl-target-term").stream()
                .anyMatch(e -> e.getText().equals("пытки" + t)));

        var ingested =
                ingest(docx("Torture" + t + " is prohibited in 2 cases."), "qg.docx", DOCX, "Torture is prohibited.");
        var opened = as("qg-cora")
                .postJson(
                        "/api/translations",
                        Map.of("document", ingested.documentId().value().toString(), "targetLanguages", List.of("ru")));
        String id = opened.json().path("items").get(0).path("id").asString();
        assertThat(as("qg-tanya")
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segment = as("qg-tanya")
                .get("/api/translations/" + id + "/segments")
                .json()
                .path("items")
                .get(0);
        var saved = WorkTestBase.put(
                as("qg-tanya"),
                "/api/translations/" + id + "/segments/" + segment.path("id").asString(),
                Map.of("target", "Истязания" + t + " запрещены в 3 случаях.", "status", "translated", "version", 0));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        browser.signIn("qg-tanya", PASSWORD).waitFor("#who");
        browser.open("/translations/" + id + "/edit");
        browser.waitFor(".seg .seg-src mark.term");
        assertThat(browser.find(".seg .seg-src mark.term").getText()).isEqualTo("Torture" + t);
        assertThat(browser.find(".seg .seg-src mark.term").getAttribute("title"))
                .contains("пытки" + t);
        assertThat(browser.find(".seg .seg-issues .issue.error[data-check=numbers-differ]")
                        .getText())
                .contains("2")
                .contains("3");
        browser.type(".seg .issue[data-check=term-forbidden] .issue-reason", "quoted from the court's decision");
        browser.click(".seg .issue[data-check=term-forbidden] .issue-accept");
        browser.waitFor(".seg .issue.accepted[data-check=term-forbidden]");
        assertThat(browser.find(".seg .issue.accepted[data-check=term-forbidden]")
                        .getText())
                .contains("quoted from the court's decision");

        browser.signIn("qg-cora", PASSWORD).waitFor("#who");
        browser.open("/translations/" + id + "/review");
        browser.waitFor("#ed-issues .open-issues li");
        String open = browser.find("#ed-issues").getText();
        assertThat(open).contains("Segment #1").contains("Numbers differ").contains("torture" + t);
        assertThat(open).doesNotContain("forbidden variant");
    }
}
