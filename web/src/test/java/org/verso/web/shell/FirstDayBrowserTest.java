package org.verso.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.Upload;
import org.verso.web.testing.Browser;
import org.verso.web.testing.People;
import org.verso.web.testing.WebTest;

/** What a new user meets on the first day: error pages, the home tiles, the admin's form checked by the browser. */
class FirstDayBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    IngestJobs jobs;

    @BeforeEach
    void pointBrowser() {
        browser.at(port);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private List<String> navigation() {
        return browser.all(".nav a").stream()
                .map(a -> a.getAttribute("textContent").strip())
                .toList();
    }

    @Test
    void aMissingPageKeepsTheNavigationAndSpeaksRussianToARussianUser() {
        browser.signIn(People.account(admin(), "day1-olga", "COORDINATOR", "ru"), People.PASSWORD);
        browser.waitFor("#logout");

        for (String path : List.of("/no-such-place", "/documents/00000000-0000-0000-0000-00000000dead")) {
            browser.open(path);

            assertThat(browser.find("#error-title").getText()).as(path).isEqualTo("404 · Не найдено");
            assertThat(browser.find("#error-text").getText()).isEqualTo("По этому адресу ничего нет.");
            assertThat(navigation()).contains("Главная", "Документы", "Загрузка");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ru");
        }
    }

    @Test
    void aBadRequestPageKeepsTheNavigationAndSpeaksTheUsersLanguage() {
        browser.signIn(People.account(admin(), "day1-olga", "COORDINATOR", "ru"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/documents?page=not-a-number");

        assertThat(browser.find("#error-title").getText()).isEqualTo("400 · Неверный запрос");
        assertThat(navigation()).contains("Главная", "Документы");
    }

    @Test
    void aQueryErrorIsSaidInTheUsersLanguage() {
        browser.signIn(People.account(admin(), "day1-olga", "COORDINATOR", "ru"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/search?q=%22unclosed");

        assertThat(browser.find("#search-error").getText())
                .startsWith("Запрос не удалось прочитать.")
                .contains("позиция");
    }

    @Test
    void homeTilesSayWhatEachPlaceIsForWithCounts() throws Exception {
        People.ingest(jobs, java.util.Map.of("tile-count.txt", "A document for the home page's count."));
        People.finished(
                jobs,
                jobs.upload(
                                List.of(new Upload("tile-empty.txt", new java.io.ByteArrayInputStream(new byte[0]))),
                                null,
                                "tiles-test")
                        .id());
        long documents =
                admin().get("/api/documents?size=1").json().path("total").asLong();
        browser.signIn(People.account(admin(), "day1-coordinator", "COORDINATOR", "en"), People.PASSWORD);

        WebElement tile = browser.find(".tile[data-nav='nav.documents']");
        assertThat(tile.findElement(By.cssSelector(".purpose")).getText()).startsWith("The catalogue");
        WebElement count = tile.findElement(By.cssSelector(".figure[data-figure='documents']"));
        assertThat(count.getAttribute("data-value")).isEqualTo(String.valueOf(documents));
        assertThat(count.getText()).isEqualTo(documents + (documents == 1 ? " document" : " documents"));
        WebElement ingest = browser.find(".tile[data-nav='nav.ingest']");
        assertThat(ingest.findElement(By.cssSelector(".purpose")).getText()).startsWith("Bring files in");
        assertThat(ingest.findElements(By.cssSelector(".figure[data-figure='jobs-running']")))
                .hasSize(1);
        WebElement failures = ingest.findElement(By.cssSelector(".figure[data-figure='failures']"));
        assertThat(Long.parseLong(failures.getAttribute("data-value"))).isPositive();
        assertThat(failures.getAttribute("class")).contains("attention");
        assertThat(failures.getText()).endsWith("to look at");
        browser.snapshot("home-tiles");
    }

    @Test
    void onAPhoneTheAdminsPagesDoNotScrollSideways() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("#logout");
        try {
            browser.size(390, 844);
            for (String path : List.of("/", "/admin/users", "/ingest", "/documents", "/search", "/no-such-place")) {
                browser.open(path);
                browser.waitFor("main");
                Object width = js().executeScript("return document.documentElement.scrollWidth;");
                Object widest = js().executeScript("return Array.from(document.querySelectorAll('body *'))"
                        + ".map(function (e) { return [Math.round(e.getBoundingClientRect().right),"
                        + " e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className]; })"
                        + ".sort(function (a, b) { return b[0] - a[0]; }).slice(0, 5).join('; ');");
                assertThat((Long) width)
                        .as("page width of %s at 390 px (%s)", path, widest)
                        .isLessThanOrEqualTo(390L);
            }
            browser.open("/admin/users");
            browser.snapshot("users-phone");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    void theUserNameFieldIsCheckedByTheBrowserUnderTheVFlag() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.open("/admin/users");
        WebElement field = browser.find("#create-user input[name=username]");
        String pattern = field.getAttribute("pattern");

        Object compiles = js().executeScript(
                        "try { new RegExp(arguments[0], 'v'); return true; } catch (e) { return String(e); }", pattern);
        assertThat(compiles).as(pattern).isEqualTo(true);

        field.clear();
        field.sendKeys("has space");
        assertThat(js().executeScript("return arguments[0].validity.patternMismatch;", field))
                .isEqualTo(true);
        field.clear();
        field.sendKeys("olga.k-2");
        assertThat(js().executeScript("return arguments[0].validity.patternMismatch;", field))
                .isEqualTo(false);
    }
}
