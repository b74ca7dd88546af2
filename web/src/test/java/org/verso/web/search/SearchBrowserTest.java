package org.verso.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.verso.library.Document;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchQuery;
import org.verso.web.testing.Browser;
import org.verso.web.testing.WebTest;

/** The search page in a real browser: the keyboard, title suggestions, facets and the address that keeps them. */
class SearchBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    private static boolean catalogued;

    @Autowired
    Documents documents;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LibraryIndex index;

    @BeforeEach
    void catalogue() throws Exception {
        browser.at(port);
        if (!catalogued) {
            ingest("Wallabia Police Training Kit", DocumentKind.KIT, "Training for the wallabia police on dignity.");
            ingest("Wallabia Prison Report", DocumentKind.REPORT, "A report on wallabia prisons and detention.");
            catalogued = true;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (index.search(SearchQuery.of("wallabia")).total() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void ingest(String title, DocumentKind kind, String text) throws Exception {
        Sha256 sha =
                Sha256.of(MessageDigest.getInstance("SHA-256").digest((title + text).getBytes(StandardCharsets.UTF_8)));
        Document document = documents.create(
                new NewDocument(title, kind, "Council of Europe", "en", 2012, Set.of()),
                new NewFile(sha, title + ".docx", "application/msword", 10, "en", 0.9, null, null, null, text));
        events.publishEvent(
                new DocumentIngested(document.id(), sha, title + ".docx", "application/msword", "en", true));
    }

    /** Path and query of the page shown. */
    private static String address() {
        java.net.URI uri = java.net.URI.create(browser.driver().getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private String activeId() {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    @Test
    void slashFocusesTheBoxArrowsPickASuggestedTitleAndFacetsStayInTheAddress() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.open("/search");
        browser.waitFor("#q");
        assertThat(activeId()).isNotEqualTo("q");

        new Actions(browser.driver()).sendKeys("/").perform();
        assertThat(activeId()).isEqualTo("q");

        new Actions(browser.driver()).sendKeys("wallabia pol").perform();
        // the list of an earlier keystroke ("wallabia p…") may show first: wait for the answer to the whole input
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#suggestions li")).stream()
                        .map(WebElement::getText)
                        .toList()
                        .equals(List.of("Wallabia Police Training Kit")));
        WebElement first = browser.find("#suggestions li");
        assertThat(first.getText()).isEqualTo("Wallabia Police Training Kit");
        new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

        browser.waitFor("#hits .hit");
        assertThat(address()).contains("q=Wallabia+Police+Training+Kit");
        assertThat(browser.find("#hits .hit .title").getText()).isEqualTo("Wallabia Police Training Kit");
        assertThat(browser.find("#hits .snippet").getDomProperty("innerHTML")).contains("<mark>");

        browser.type("#q", "wallabia");
        browser.waitFor("#suggestions li");
        browser.find("#q").sendKeys(Keys.ESCAPE);
        assertThat(browser.driver().findElement(By.id("suggestions")).isDisplayed())
                .isFalse();
        assertThat(browser.find("#q").getDomProperty("value")).isEqualTo("wallabia");
        browser.find("#q").sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#hits .hit")).size() == 2);
        browser.click(".facet[data-facet='kind'] a[data-value='report']");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#hits .hit")).size() == 1);
        String address = address();
        assertThat(address).contains("q=wallabia").contains("kind=report");
        browser.snapshot("search-facet");

        browser.open(address); // bookmarkable: the same address gives the same page
        assertThat(browser.all("#hits .hit")).hasSize(1);
        assertThat(browser.find("#hits .hit .title").getText()).isEqualTo("Wallabia Prison Report");
        assertThat(browser.find(".facet[data-facet='kind'] a.chosen").getAttribute("data-value"))
                .isEqualTo("report");
    }
}
