package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.web.testing.Browser;
import org.verso.web.testing.Http;

/**
 * The memory in a real browser: a coordinator imports a TMX on the memory page and reads the report; a translator sees
 * the match of the current segment in the editor, with its percentage and provenance, and puts it in with
 * Ctrl+Shift+1.
 */
class MemoryBrowserTest extends SegmentsTestBase {
    static final String PASSWORD = "translation-memory-password-1";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Accounts accounts;

    @BeforeEach
    void accounts() {
        browser.at(port).size(1280, 900);
        account("tm-cora", "Cora Memory", Role.COORDINATOR);
        account("tm-tanya", "Tanya Memory", Role.TRANSLATOR);
    }

    void account(String username, String name, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(
                    new CreateAccount(username, name, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), "en"));
        }
    }

    static String tmx(String en, String ru) {
        return "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en\"/><body>"
                + "<tu><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"ru\"><seg>" + ru
                + "</seg></tuv></tu>"
                + "<tu><tuv xml:lang=\"en\"><seg>No translation here</seg></tuv></tu></body></tmx>";
    }

    static void until(Browser b, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("page at the timeout: " + b.find("main").getText(), e);
        }
    }

    @Test
    void aTranslatorInsertsTheMemorysMatchOfTheCurrentSegment(@TempDir Path dir) throws Exception {
        String marker = "Zorbland" + Long.toString(System.nanoTime(), 36);
        String sentence = "Every person in " + marker + " has rights.";
        Path file = dir.resolve("memory.tmx");
        Files.writeString(file, tmx(sentence, "Каждый человек в " + marker + " имеет права."), StandardCharsets.UTF_8);

        // the coordinator imports the TMX on the memory page
        browser.signIn("tm-cora", PASSWORD).waitFor("#who");
        browser.open("/memory");
        browser.find("#memory-import input[type=file]").sendKeys(file.toString());
        browser.click("#memory-import button[type=submit]");
        browser.waitFor("#memory-report");
        assertThat(browser.find("#report-added").getText()).isEqualTo("1");
        assertThat(browser.find("#report-skipped").getText()).isEqualTo("1");
        assertThat(browser.find("#report-skips").getText()).contains("memory.tmx", "no translation");
        browser.signOut();

        // a document whose second sentence the memory knows, translated by Tanya
        var ingested = ingest(
                docx("The police must respect human dignity. " + sentence),
                marker + ".docx",
                DOCX,
                "The police must respect human dignity. " + sentence);
        Http cora = http().as("tm-cora", PASSWORD);
        var opened = cora.postJson(
                "/api/translations",
                // opened without pre-translation: the translator takes the match from the panel
                Map.of(
                        "document",
                        ingested.documentId().value().toString(),
                        "targetLanguages",
                        List.of("ru"),
                        "preTranslate",
                        false));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("items").get(0).path("id").asString();
        assertThat(http().as("tm-tanya", PASSWORD)
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);

        browser.signIn("tm-tanya", PASSWORD).waitFor("#who");
        browser.open("/translations/" + id + "/edit");
        until(browser, d -> browser.find(".seg.current .seg-tgt")
                .equals(d.switchTo().activeElement()));
        until(browser, d -> !browser.all("#tm-panel li").isEmpty());
        new Actions(browser.driver())
                .keyDown(Keys.ALT)
                .sendKeys(Keys.ARROW_DOWN)
                .keyUp(Keys.ALT)
                .perform();
        until(browser, d -> browser.find("#tm-panel").getText().contains("100 %"));
        assertThat(browser.find("#tm-panel").getText())
                .contains("Каждый человек в " + marker, "imported", "memory.tmx");

        new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .keyDown(Keys.SHIFT)
                .sendKeys("1")
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL)
                .perform();
        until(browser, d -> browser.find(".seg.current .seg-tgt").getText().contains("имеет права"));
        until(browser, d -> segmentsOf(cora, id).contains("Каждый человек в " + marker + " имеет права."));

        // another document with the sentence, opened with pre-translation: the editor shows it filled in, marked
        // "from memory", until the translator confirms it
        var again = ingest(
                docx("Courts decide in public. " + sentence),
                marker + "-again.docx",
                DOCX,
                "Courts decide in public. " + sentence);
        var prefilled = cora.postJson(
                "/api/translations",
                Map.of("document", again.documentId().value().toString(), "targetLanguages", List.of("ru")));
        assertThat(prefilled.status()).as(prefilled.body()).isEqualTo(201);
        String next = prefilled.json().path("items").get(0).path("id").asString();
        assertThat(http().as("tm-tanya", PASSWORD)
                        .postJson("/api/translations/" + next + "/claim", "")
                        .status())
                .isEqualTo(200);
        browser.open("/translations/" + next + "/edit");
        until(browser, d -> browser.all(".seg").size() >= 2);
        var marked = browser.all(".seg").get(1);
        assertThat(marked.getAttribute("data-status")).isEqualTo("draft");
        assertThat(marked.findElement(org.openqa.selenium.By.cssSelector(".chip.from-memory"))
                        .isDisplayed())
                .isTrue();
        assertThat(marked.findElement(org.openqa.selenium.By.cssSelector(".seg-tgt"))
                        .getText())
                .contains("имеет права");
        assertThat(browser.all(".seg")
                        .get(0)
                        .findElement(org.openqa.selenium.By.cssSelector(".chip.from-memory"))
                        .isDisplayed())
                .isFalse();
        marked.findElement(org.openqa.selenium.By.cssSelector(".seg-tgt")).click();
        new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();
        until(browser, d -> "translated".equals(browser.all(".seg").get(1).getAttribute("data-status")));
        until(browser, d -> !browser.all(".seg")
                .get(1)
                .findElement(org.openqa.selenium.By.cssSelector(".chip.from-memory"))
                .isDisplayed());
    }

    static String segmentsOf(Http who, String id) {
        return who.get("/api/translations/" + id + "/segments?size=100").body();
    }
}
