package org.verso.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.JobProgress;
import org.verso.web.testing.Browser;
import org.verso.web.testing.People;
import org.verso.web.testing.WebTest;

/** The document page in a real browser: downloading an original, what each role is shown, and a phone's width. */
class DocumentPageBrowserTest extends WebTest {
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

    private IngestItem document(String name, String text) throws InterruptedException {
        JobProgress job = People.ingest(jobs, Map.of(name, text));
        IngestItem item = job.items().get(0);
        assertThat(item.documentId()).as(item.reason()).isNotNull();
        return item;
    }

    @Test
    void aSignedInCoordinatorDownloadsAnOriginalFromTheDocumentPageWithTheSessionAndSafeHeaders() throws Exception {
        IngestItem item = document("field-manual.txt", "Field manual for the regional training centres.");
        browser.signIn(People.account(admin(), "day1-coordinator", "COORDINATOR", "en"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/documents/" + item.documentId());
        String href = browser.find("#files tbody td a[download]").getAttribute("href");

        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) js().executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(function (r) { return r.text().then(function (t) { done({"
                                + " status: r.status, text: t, cache: r.headers.get('Cache-Control'),"
                                + " referrer: r.headers.get('Referrer-Policy'),"
                                + " disposition: r.headers.get('Content-Disposition') }); }); })"
                                + ".catch(function (e) { done({ status: -1, text: String(e) }); });",
                        href);

        assertThat(got.get("status"))
                .as("%s answered %s", href, got.get("text"))
                .isEqualTo(200L);
        assertThat((String) got.get("text")).startsWith("Field manual for the regional training centres.");
        assertThat(got.get("cache")).isEqualTo("no-store");
        assertThat(got.get("referrer")).isEqualTo("no-referrer");
        assertThat((String) got.get("disposition")).startsWith("attachment").contains("field-manual.txt");
    }

    @Test
    void aLogisticsUserIsShownNothingOnTheDocumentPageThatTheirRoleCannotOpen() throws Exception {
        IngestItem item = document("shipping-list.txt", "Manuals shipped to the prison libraries in the north.");
        browser.signIn(People.account(admin(), "day1-logistics", "LOGISTICS", "en"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/documents/" + item.documentId());
        browser.waitFor("#files");
        settle();

        @SuppressWarnings("unchecked")
        List<Object> refused = (List<Object>) js().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.responseStatus >= 400; })"
                + ".map(function (e) { return e.name + ' ' + e.responseStatus; });");
        assertThat(refused).as("requests the page made that were refused").isEmpty();
        assertThat(browser.all("[hx-get*='/segments']"))
                .as("a background request for segments")
                .isEmpty();
        assertThat(browser.all("a[href*='/ingest']"))
                .as("links to the ingest pages")
                .isEmpty();
        assertThat(browser.find("#files").getText()).doesNotContain("Ingest history");
        assertThat(browser.all("#files tbody td a[download]")).hasSize(1);
    }

    @Test
    void aCoordinatorStillSeesTheSegmentsAndTheIngestHistory() throws Exception {
        IngestItem item = document("rules.txt", "Standard minimum rules for the treatment of prisoners.");
        browser.signIn(People.account(admin(), "day1-coordinator", "COORDINATOR", "en"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/documents/" + item.documentId());

        assertThat(browser.find("#segments h2").getText()).isEqualTo("Segments");
        assertThat(browser.all("#files a[href='/ingest/jobs/" + item.batchId() + "']"))
                .hasSize(1);
    }

    @Test
    void onAPhoneTheDocumentAndSearchPagesDoNotScrollSidewaysAndTablesBecomeLabelledCards() throws Exception {
        String longName = "Manual_on_the_prevention_and_investigation_of_extra-legal_arbitrary_and_summary_executions"
                + "_Istanbul_Protocol_edition_2022_final_version_for_print.txt";
        IngestItem item = document(longName, "Istanbul Protocol manual, phone layout check, torture investigation.");
        browser.signIn(People.account(admin(), "day1-coordinator", "COORDINATOR", "en"), People.PASSWORD);
        browser.waitFor("#logout");
        try {
            browser.size(390, 844);
            for (String path : List.of(
                    "/documents/" + item.documentId(),
                    "/search?q=torture",
                    "/documents",
                    "/ingest/jobs/" + item.batchId(),
                    "/")) {
                browser.open(path);
                browser.waitFor("main");
                settle();
                assertThat(widthOf())
                        .as("page width of %s at 390 px (%s)", path, widest())
                        .isLessThanOrEqualTo(390L);
            }
            browser.open("/documents/" + item.documentId());
            browser.waitFor("#files td");
            browser.snapshot("document-phone");
            assertThat(browser.find("#files tbody td").getAttribute("data-label"))
                    .isEqualTo("Original");
            assertThat(js().executeScript("return getComputedStyle(document.querySelector('#files thead')).display;"))
                    .isEqualTo("none");
            assertThat(js().executeScript("return getComputedStyle(document.querySelector('#files tbody td'),"
                            + " '::before').content;"))
                    .isEqualTo("\"Original\"");
        } finally {
            browser.size(1280, 900);
        }
    }

    private Long widthOf() {
        return (Long) js().executeScript("return document.documentElement.scrollWidth;");
    }

    /** The elements that reach furthest right, to say what overflows when something does. */
    private Object widest() {
        return js().executeScript("return Array.from(document.querySelectorAll('body *'))"
                + ".map(function (e) { return [Math.round(e.getBoundingClientRect().right),"
                + " e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className]; })"
                + ".sort(function (a, b) { return b[0] - a[0]; }).slice(0, 5).join('; ');");
    }

    /** Lets htmx's load-time requests run and settle. */
    private void settle() {
        js().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var wait = function () { if (document.readyState === 'complete'"
                + " && !document.querySelector('.htmx-request')) { setTimeout(done, 300); }"
                + " else { setTimeout(wait, 50); } }; wait();");
    }
}
