package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verso.web.testing.WebTest;

/** The donor report and traceability pages, rendered for an admin. */
@AutoConfigureMockMvc
class ReportsPagesTest extends WebTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    MockHttpServletResponse page(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(user(accounts.loadUserByUsername("admin"))))
                .andReturn()
                .getResponse();
    }

    @Test
    void theDonorReportPageShowsTheFiguresTheCheckTheChartsAndTheFiles() throws Exception {
        var given = new ShipmentsGiven(admin());
        ShipmentsGiven.Setup s = given.inStock(10);
        String id = given.onItsWay(s, 4);
        for (String status : List.of("in_transit", "delivered")) {
            admin().postJson("/api/shipments/" + id + "/status", Map.of("status", status));
        }
        String query = "?funder=" + s.funder() + "&from=2026-01-01&to=" + LocalDate.now(ZoneOffset.UTC);

        var report = page("/distribution/reports/donors" + query);
        var csv = page("/distribution/reports/donors/file" + query + "&format=csv");

        assertThat(report.getStatus()).isEqualTo(200);
        String html = report.getContentAsString();
        assertThat(html)
                .contains("id=\"report-check\"", "class=\"ok\"", "Казань", "region-chart-data", "month-chart-data")
                .contains("format=xlsx", "format=pdf");
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Delivered,,4");
    }

    @Test
    void theTraceabilityPageAsksForARevisionAndRefusesAnUnknownOne() throws Exception {
        var empty = page("/distribution/traceability");
        var unknown = page("/distribution/traceability?revision=" + UUID.randomUUID());

        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("id=\"trace-form\"");
        assertThat(unknown.getStatus()).isEqualTo(404);
    }

    @Test
    void theDashboardShowsStockShipmentsProgressAndItsCharts() throws Exception {
        var given = new ShipmentsGiven(admin());
        ShipmentsGiven.Setup s = given.inStock(10);
        String id = given.onItsWay(s, 4);
        for (String status : List.of("in_transit", "delivered")) {
            admin().postJson("/api/shipments/" + id + "/status", Map.of("status", status));
        }

        var dashboard = page("/distribution/dashboard");
        var api = admin().get("/api/dashboard");

        assertThat(dashboard.getStatus()).isEqualTo(200);
        assertThat(dashboard.getContentAsString())
                .contains("id=\"dash-stock\"", "id=\"dash-funders\"", "month-chart-data", "progress-chart-data");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json()
                        .path("funders")
                        .valueStream()
                        .filter(f -> f.path("funder").asString().equals(s.funder()))
                        .findFirst()
                        .orElseThrow()
                        .path("percent")
                        .asInt())
                .isEqualTo(40);
    }
}
