package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.verso.web.testing.Browser;
import org.verso.web.testing.WebTest;

/**
 * The logistics pages in a real browser 390 px wide: a logistics user receives a print run through its form, sees the
 * stock with its chart and the ledger's running balance, and the recipients' tree; a coordinator has no such pages.
 */
class DistributionBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    @BeforeEach
    void pointBrowser() {
        browser.at(port).size(390, 844);
    }

    private String create(String path, Object body) {
        var answer = admin().postJson(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private void user(String name, String role, String language) {
        var answer = admin().postJson(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                name,
                                "password",
                                name + "-password",
                                "roles",
                                List.of(role),
                                "languages",
                                List.of(),
                                "uiLanguage",
                                language));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void aLogisticsUserReceivesAPrintRunAndFollowsItsCopiesInStockAndLedger() {
        String t = UUID.randomUUID().toString().substring(0, 6);
        String coe = create("/api/funders", Map.of("name", "Council of Europe " + t));
        String foundation = create("/api/funders", Map.of("name", "German foundation " + t));
        create("/api/locations", Map.of("name", "Office " + t, "address", "Nevsky 1"));
        String edition = create(
                "/api/editions",
                Map.of("title", "Kit " + t, "language", "ru", "items", List.of(Map.of("code", "DVD"))));
        String run = create(
                "/api/print-runs",
                Map.of(
                        "edition",
                        edition,
                        "quantity",
                        2000,
                        "printer",
                        "Printer " + t,
                        "orderedOn",
                        "2026-03-01",
                        "funders",
                        List.of(Map.of("funder", coe, "copies", 1000), Map.of("funder", foundation, "copies", 1000))));
        admin().send(
                        "POST",
                        "/api/recipients/import",
                        "text/csv",
                        "name,kind,parent,city,language\nUniversity " + t + ",university,,Moscow,ru\nBranch " + t
                                + ",branch,University " + t + ",Omsk,ru\n");
        String name = "logistics-" + t;
        user(name, "LOGISTICS", "en");

        browser.signIn(name, name + "-password");
        assertThat(browser.all(".nav a").stream().map(e -> e.getAttribute("data-nav")))
                .contains("nav.stock", "nav.printRuns", "nav.editions", "nav.recipients");
        browser.open("/distribution/print-runs/" + run);
        browser.type("#receipt input[name=quantity]", "1990");
        browser.type("#receipt input[name=reason]", "10 misprinted");
        browser.click("#receipt input[name=complete]");
        browser.click("#receipt button[type=submit]");
        assertThat(browser.waitFor("#receipt-done").getText()).isEqualTo("The copies are in stock.");
        assertThat(browser.find("#received").getText()).isEqualTo("1990 / 2000");
        assertThat(browser.all("#shares tbody tr").stream().map(WebElement::getText))
                .containsExactlyInAnyOrder(
                        "Council of Europe " + t + " 1000 995", "German foundation " + t + " 1000 995");
        browser.snapshot("print-run-received");

        browser.open("/distribution/stock?edition=" + edition);
        browser.waitFor("#stock-chart");
        assertThat(browser.all("#balances tbody tr")).hasSize(2);
        assertThat(browser.driver()
                        .findElement(org.openqa.selenium.By.tagName("body"))
                        .getSize()
                        .getWidth())
                .isLessThanOrEqualTo(390);
        browser.snapshot("stock-390px");
        browser.click("#balances tbody tr a");
        assertThat(browser.find("#movements .running").getText()).isEqualTo("995");

        browser.open("/distribution/recipients");
        assertThat(browser.find("#recipients").getText()).contains("University " + t, "Branch " + t);
    }

    @Test
    void aCoordinatorSeesNoLogisticsPages() {
        String name = "coordinator-" + UUID.randomUUID().toString().substring(0, 6);
        user(name, "COORDINATOR", "ru");

        browser.signIn(name, name + "-password");

        assertThat(browser.all(".nav a").stream().map(e -> e.getAttribute("data-nav")))
                .doesNotContain("nav.stock", "nav.printRuns", "nav.editions", "nav.recipients");
    }
}
