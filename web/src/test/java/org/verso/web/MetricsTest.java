package org.verso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.WebTest;

/**
 * Requests are measured once, as a whole: Spring Security's observation of every filter of its chain costs CPU on every
 * request (about 8% of a search's) and is turned off, while the request metrics stay.
 */
class MetricsTest extends WebTest {

    @Test
    void requestsAreMeasuredButNotEachSecurityFilter() throws Exception {
        assertThat(admin().get("/api/me").status()).isEqualTo(200);

        HttpResponse<String> metrics = prometheus();

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{");
        assertThat(metrics.body()).doesNotContain("spring_security_filterchains");
    }

    private HttpResponse<String> prometheus() throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http().url("/actuator/prometheus")))
                                .header("Accept", "text/plain")
                                .header("Authorization", "Basic " + credentials)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
