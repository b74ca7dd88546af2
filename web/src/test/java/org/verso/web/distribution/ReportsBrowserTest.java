package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.verso.web.testing.Browser;
import org.verso.web.testing.WebTest;

/**
 * The donor report and the dashboard in a real browser: a logistics user in Russian sees the funder's report
 * reconcile with its two charts drawn, and the dashboard with its charts.
 */
class ReportsBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    @BeforeEach
    void pointBrowser() {
        browser.at(port).size(1200, 900);
    }

    private boolean drawn(String css) {
        return (Boolean) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const c = document.querySelector(arguments[0]);"
                                + " return !!(c && window.Chart && Chart.getChart(c));",
                        css);
    }

    @Test
    void aFundersReportReconcilesWithItsChartsDrawnInRussian() {
        var given = new ShipmentsGiven(admin());
        ShipmentsGiven.Setup s = given.inStock(10);
        String id = given.onItsWay(s, 4);
        for (String status : List.of("in_transit", "delivered")) {
            admin().postJson("/api/shipments/" + id + "/status", Map.of("status", status));
        }
        String name = given.logisticsUser("reports", "ru");

        browser.signIn(name, name + "-password");
        assertThat(browser.all(".nav a").stream().map(e -> e.getAttribute("data-nav")))
                .contains("nav.dashboard");
        browser.open("/distribution/reports/donors?funder=" + s.funder() + "&from=2026-01-01&to="
                + LocalDate.now(ZoneOffset.UTC));

        assertThat(browser.find("#report-check").getText()).contains("Проверка", "10 = 10", "сходится");
        assertThat(browser.find("#report-figures").getText()).contains("Доставлено 4", "На складе 6");
        browser.waitFor("canvas[data-source=region-chart-data]");
        assertThat(drawn("canvas[data-source=region-chart-data]")).isTrue();
        assertThat(drawn("canvas[data-source=month-chart-data]")).isTrue();
        browser.snapshot("donor-report-ru");

        browser.open("/distribution/dashboard");
        assertThat(browser.find("#dash-funders").getText()).contains("40");
        assertThat(browser.find("#dash-links").getText()).contains("Отчёт для донора", "Прослеживаемость опечаток");
        assertThat(drawn("canvas[data-source=progress-chart-data]")).isTrue();
        browser.snapshot("dashboard-ru");
    }
}
