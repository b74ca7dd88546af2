package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * Translation work in real browsers against the real backend: two translators race for a claim, a translation made
 * with the keyboard only, a stale save that shows both texts, and the way from submission through a rejected segment
 * to an approved revision whose DOCX carries the translation.
 */
class TranslationWorkBrowserTest extends SegmentsTestBase {
    static final String PASSWORD = "translation-work-password-1";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @RegisterExtension
    static Browser browser = new Browser();

    @RegisterExtension
    static Browser second = new Browser();

    @Autowired
    Accounts accounts;

    @BeforeEach
    void accounts() {
        browser.at(port).size(1280, 900);
        second.at(port).size(1280, 900);
        account("tw-cora", "Cora Coordinator", Role.COORDINATOR);
        account("tw-tanya", "Tanya Translator", Role.TRANSLATOR);
        account("tw-ivan", "Ivan Translator", Role.TRANSLATOR);
    }

    void account(String username, String name, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(
                    new CreateAccount(username, name, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), "en"));
        }
    }

    /** Signs in and waits for the signed-in page, so that the next navigation is not overtaken by the redirect. */
    static Browser signedIn(Browser b, String username) {
        b.signIn(username, PASSWORD).waitFor("#who");
        return b;
    }

    Http as(String username) {
        return http().as(username, PASSWORD);
    }

    /** A two-sentence DOCX (the first with a bold run: an inline code) opened for translation into Russian. */
    String openTranslation(String name) {
        var ingested = ingest(
                docx(
                        "The police must respect <b>human dignity</b>. Every person has rights.",
                        name + System.nanoTime()),
                name + ".docx",
                DOCX,
                "The police must respect human dignity. Every person has rights.");
        var answer = as("tw-cora")
                .postJson(
                        "/api/translations",
                        Map.of("document", ingested.documentId().value().toString(), "targetLanguages", List.of("ru")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("items").get(0).path("id").asString();
    }

    List<JsonNode> segments(String id) {
        var answer = as("tw-cora").get("/api/translations/" + id + "/segments?size=100");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        answer.json().path("items").forEach(list::add);
        return list;
    }

    void claim(String id, String who) {
        var answer = as(who).postJson("/api/translations/" + id + "/claim", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    void put(String id, String who, JsonNode segment, String target, String status) {
        var answer = as(who).send(
                        "PUT",
                        "/api/translations/" + id + "/segments/"
                                + segment.path("id").asString(),
                        "application/json",
                        "{\"target\":" + quote(target) + ",\"status\":\"" + status + "\",\"version\":"
                                + segment.path("version").asLong() + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void until(Browser b, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            dumpServerThreads();
            try {
                Object now = ((org.openqa.selenium.JavascriptExecutor) b.driver())
                        .executeAsyncScript("var done = arguments[arguments.length - 1];"
                                + "fetch(location.pathname + '/data.json', {credentials: 'same-origin'})"
                                + ".then(function (r) { return r.text().then(function (t) {"
                                + " done(r.status + ' ' + JSON.stringify([...r.headers]) + ' ' + t); }); },"
                                + " function (e) { done('failed ' + e); });");
                System.err.println("DATA NOW " + now);
                Object logs = b.driver().manage().logs().get("browser").getAll();
                System.err.println("BROWSER LOG " + logs);
                System.err.println("BODY NOW "
                        + ((org.openqa.selenium.JavascriptExecutor) b.driver())
                                .executeScript("return location.href + '\\n' + document.body.innerText + '\\n' + "
                                        + "performance.getEntriesByType('resource').map(function (e) {"
                                        + " return e.name + ' ' + Math.round(e.startTime) + '+' + Math.round(e.duration); })"
                                        + ".join('\\n');"));
            } catch (RuntimeException ignored) {
                System.err.println("DATA NOW unavailable: " + ignored);
            }
            throw new AssertionError("page at the timeout: " + b.find("main").getText(), e);
        }
    }

    /** The application runs in this JVM: what its request threads were doing when a page stopped changing. */
    static void dumpServerThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("exec") || thread.getName().contains("pool")) {
                StringBuilder text = new StringBuilder("THREAD " + thread.getName() + " " + thread.getState());
                for (StackTraceElement frame : stack) {
                    text.append("\n    at ").append(frame);
                }
                System.err.println(text);
            }
        });
    }

    static Actions keys(Browser b) {
        return new Actions(b.driver());
    }

    @Test
    void twoTranslatorsBothOfferedTheClaimTheSecondSeesWhoHoldsItUntilWhen() {
        String id = openTranslation("race");
        signedIn(browser, "tw-tanya").open("/translations/" + id);
        signedIn(second, "tw-ivan").open("/translations/" + id);
        until(browser, d -> "open".equals(browser.find("#t-status").getAttribute("data-status")));
        until(second, d -> "open".equals(second.find("#t-status").getAttribute("data-status")));
        WebElement tanyas = browser.find("#t-claim");
        WebElement ivans = second.find("#t-claim");
        // both pages offered the claim; Tanya's click lands first, Ivan's page still offers it and he clicks
        tanyas.click();
        until(browser, d -> browser.find("#t-holder").getText().startsWith("Tanya Translator"));
        ivans.click();
        Browser loser = second;
        String winner = "Tanya Translator";
        until(loser, d -> loser.all("#work-error").stream().anyMatch(WebElement::isDisplayed));
        WebElement refusal = loser.find("#work-error");
        assertThat(refusal.getText()).startsWith("Not claimed: " + winner + " holds this translation until ");
        assertThat(loser.find("#t-holder").getText()).startsWith(winner + ", until ");
        assertThat(loser.all("#t-claim")).allMatch(b -> !b.isDisplayed());
        assertThat(as("tw-cora")
                        .get("/api/translations/" + id)
                        .json()
                        .path("claim")
                        .path("holder")
                        .path("name")
                        .asString())
                .isEqualTo(winner);
    }

    @Test
    void aTranslatorTranslatesWithTheKeyboardOnly() {
        String id = openTranslation("keyboard");
        claim(id, "tw-tanya");
        List<JsonNode> before = segments(id);
        assertThat(before).hasSize(2);
        assertThat(before.get(0).path("source").asString()).contains("id=\"");

        signedIn(browser, "tw-tanya").open("/translations/" + id + "/edit");
        until(browser, d -> browser.find(".seg.current .seg-tgt")
                .equals(d.switchTo().activeElement()));
        assertThat(browser.find(".seg-tgt").getAttribute("lang")).isEqualTo("ru");
        assertThat(browser.find("#ed-shortcuts").getText()).contains("Ctrl", "Enter");

        keys(browser).sendKeys("Полиция должна уважать ").perform();
        keys(browser).keyDown(Keys.CONTROL).sendKeys("1").keyUp(Keys.CONTROL).perform();
        keys(browser)
                .sendKeys("человеческое достоинство")
                .sendKeys(Keys.END)
                .sendKeys(".")
                .perform();
        assertThat(browser.all(".seg.current .seg-tgt .code")).isNotEmpty();
        keys(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();

        until(
                browser,
                d -> browser.all(".seg").get(1).getAttribute("class").contains("current")
                        && "translated".equals(browser.all(".seg").get(0).getAttribute("data-status")));
        keys(browser)
                .keyDown(Keys.CONTROL)
                .keyDown(Keys.SHIFT)
                .sendKeys("s")
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL)
                .perform();
        keys(browser).sendKeys(Keys.END).sendKeys(" (ru)").perform();
        keys(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();

        until(browser, d -> browser.all(".seg[data-status='translated']").size() == 2);
        List<JsonNode> after = segments(id);
        String first = after.get(0).path("target").asString();
        assertThat(first)
                .startsWith("Полиция должна уважать ")
                .contains("человеческое достоинство")
                .endsWith(".");
        assertThat(codes(first)).isEqualTo(codes(after.get(0).path("source").asString()));
        assertThat(after.get(1).path("target").asString()).isEqualTo("Every person has rights. (ru)");
        assertThat(after).allMatch(s -> s.path("status").asString().equals("translated"));
        until(browser, d -> browser.find("#ed-saving").getText().equals("All changes saved"));
    }

    static List<String> codes(String markup) {
        List<String> codes = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<(/?[a-z]+)[^>]*>").matcher(markup);
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        return codes;
    }

    @Test
    void aStaleSaveShowsBothTextsAndKeepsTheTranslatorsOnRequest() {
        String id = openTranslation("stale");
        claim(id, "tw-tanya");
        signedIn(browser, "tw-tanya").open("/translations/" + id + "/edit");
        WebElement target = browser.find(".seg.current .seg-tgt");
        until(browser, d -> target.equals(d.switchTo().activeElement()));
        keys(browser).sendKeys("Мой перевод ").perform();
        keys(browser).keyDown(Keys.CONTROL).sendKeys("1").keyUp(Keys.CONTROL).perform();
        until(
                browser,
                d -> "draft".equals(browser.find(".seg").getAttribute("data-status"))
                        && browser.find("#ed-saving").getText().equals("All changes saved"));

        // the same segment saved elsewhere in the meantime (another tab of the holder)
        JsonNode segment = segments(id).get(0);
        put(id, "tw-tanya", segment, "Другой перевод <g id=\"1\">x</g>", "draft");

        keys(browser).sendKeys(Keys.END).sendKeys(" и ещё").perform();
        WebElement conflict = browser.find(".seg .conflict");
        assertThat(conflict.findElement(By.cssSelector(".conflict-yours")).getText())
                .startsWith("Мой перевод")
                .endsWith("и ещё");
        assertThat(conflict.findElement(By.cssSelector(".conflict-current")).getText())
                .startsWith("Другой перевод");
        assertThat(conflict.getText()).contains("Tanya Translator");
        assertThat(segments(id).get(0).path("target").asString()).isEqualTo("Другой перевод <g id=\"1\">x</g>");

        conflict.findElement(By.cssSelector(".keep-mine")).click();
        until(
                browser,
                d -> browser.all(".seg .conflict").isEmpty()
                        && browser.find("#ed-saving").getText().equals("All changes saved"));
        assertThat(segments(id).get(0).path("target").asString()).isEqualTo("Мой перевод <g id=\"1\"></g> и ещё");
    }

    @Test
    void submittedRejectedFixedAndApprovedTheRevisionsDocxCarriesTheTranslation() throws Exception {
        String id = openTranslation("review");
        claim(id, "tw-tanya");
        List<JsonNode> fresh = segments(id);
        String code = fresh.get(0).path("source").asString().replaceAll("(?s).*?(<g id=\"[^\"]+\">).*", "$1");
        put(
                id,
                "tw-tanya",
                fresh.get(0),
                "Полиция должна уважать " + code + "человеческое достоинство</g>.",
                "translated");
        put(id, "tw-tanya", fresh.get(1), "Каждый человек имеет права.", "translated");

        // the translator submits on the overview page
        signedIn(browser, "tw-tanya").open("/translations/" + id);
        until(browser, d -> browser.find("#t-submit").isDisplayed());
        browser.find("#t-submit").click();
        until(browser, d -> "in_review".equals(browser.find("#t-status").getAttribute("data-status")));

        // the coordinator rejects the second sentence with a comment and approves the first
        signedIn(second, "tw-cora").open("/translations/" + id + "/review");
        until(second, d -> second.all(".seg .review-reject").size() == 2);
        WebElement rejectedRow = second.all(".seg").get(1);
        rejectedRow.findElement(By.cssSelector(".review-comment")).sendKeys("Права — во множественном числе?");
        rejectedRow.findElement(By.cssSelector(".review-reject")).click();
        until(second, d -> "rejected".equals(status(second, 1)));
        second.all(".seg").get(0).findElement(By.cssSelector(".review-approve")).click();
        until(second, d -> "approved".equals(status(second, 0)));

        // the translator sees the comment in the editor and fixes the sentence from the keyboard
        browser.open("/translations/" + id + "/edit");
        until(browser, d -> browser.all(".seg-comment").size() == 1);
        assertThat(browser.find(".seg-comment").getText()).contains("Права — во множественном числе?");
        WebElement fix = browser.all(".seg").get(1).findElement(By.cssSelector(".seg-tgt"));
        fix.click();
        keys(browser)
                .sendKeys(Keys.END)
                .sendKeys(Keys.BACK_SPACE)
                .sendKeys(" и свободы.")
                .perform();
        keys(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();
        until(browser, d -> "translated".equals(status(browser, 1)));

        // the coordinator approves the fixed sentence, then the translation
        second.open("/translations/" + id + "/review");
        until(second, d -> "translated".equals(status(second, 1)));
        second.all(".seg").get(1).findElement(By.cssSelector(".review-approve")).click();
        until(second, d -> "approved".equals(status(second, 1)));
        second.open("/translations/" + id);
        until(second, d -> second.find("#t-approve").isDisplayed());
        second.find("#t-approve").click();
        until(second, d -> second.all("#t-revisions tr[data-revision='1']").size() == 1);

        String href = second.find("#t-revisions .download-revision").getAttribute("href");
        String text = wordText(downloadWithSession(second, href));
        assertThat(text)
                .contains("Полиция должна уважать", "человеческое достоинство", "Каждый человек имеет права и свободы.")
                .doesNotContain("The police must respect", "Every person has rights");
    }

    /** The status of the i-th segment row, or null while the rows are not there yet. */
    static String status(Browser b, int i) {
        List<WebElement> rows = b.all(".seg");
        return rows.size() > i ? rows.get(i).getAttribute("data-status") : null;
    }

    static byte[] downloadWithSession(Browser b, String url) throws IOException, InterruptedException {
        String session = b.driver().manage().getCookieNamed("JSESSIONID").getValue();
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static String wordText(byte[] docx) throws IOException {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
                }
            }
        }
        throw new AssertionError("no word/document.xml in the download");
    }
}
