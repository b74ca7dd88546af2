package org.verso.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;
import org.verso.web.VersoApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application of its own (no other test has asked it for anything): the OpenAPI document is built in the
 * background once the application is ready, and the first {@code /v3/api-docs} call, in whatever language, answers
 * from that cached document instead of building it.
 */
@SpringBootTest(classes = VersoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsWarmUpTest {
    private static final String PASSWORD = "warm-up-admin-password";
    private static final Path DATA_DIR = TempDirs.create("verso-api-docs-");

    @LocalServerPort
    int port;

    @Autowired
    OpenAPIService openApi;

    @DynamicPropertySource
    static void ownApplication(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
        registry.add("verso.admin-password", () -> PASSWORD);
        registry.add("verso.ingest.prestart-workers", () -> "false");
    }

    @Test
    void theOpenApiDocumentIsBuiltAfterStartUpWithoutARequestAndTheFirstCallInAnyLanguageAnswersFromIt()
            throws Exception {
        // given: no request has reached the application
        OpenAPI warm = awaitCachedDocument();

        // when
        HttpResponse<String> russian = apiDocs("ru-RU,ru;q=0.9");
        HttpResponse<String> german = apiDocs("de");

        // then
        assertThat(russian.statusCode()).as(russian.body()).isEqualTo(200);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(russian.body())
                        .path("paths")
                        .has("/api/search"))
                .isTrue();
        assertThat(german.body()).isEqualTo(russian.body());
        assertThat(openApi.getCachedOpenAPI(Locale.ENGLISH))
                .as("the document built in the background, not one built for the request")
                .isSameAs(warm);
    }

    private OpenAPI awaitCachedDocument() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            OpenAPI cached = openApi.getCachedOpenAPI(Locale.ENGLISH);
            if (cached != null) {
                return cached;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the OpenAPI document was not built after start-up");
    }

    private HttpResponse<String> apiDocs(String languages) throws Exception {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .header("Authorization", "Basic " + credentials)
                .header("Accept-Language", languages)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
