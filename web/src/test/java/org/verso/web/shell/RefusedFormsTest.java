package org.verso.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;

/**
 * A page form that is refused (no CSRF token, a stale one, a role that does not reach it) answers 403 with a page
 * that says what happened, in the user's language, and changes nothing.
 */
class RefusedFormsTest extends WebTest {
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "refused-forms-password";

    private HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.exchange(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, String> newUser(String username) {
        return Map.of("username", username, "password", "long-enough-pass", "roles", "LOGISTICS", "uiLanguage", "en");
    }

    private boolean exists(String username) {
        return admin().get("/api/admin/users").body().contains("\"" + username + "\"");
    }

    @Test
    void aFormWithoutItsTokenAnswers403SayingItExpiredAndChangesNothing() {
        var response =
                post("/admin/users", newUser("forms-no-token"), "Authorization", Http.basic("admin", ADMIN_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/html");
        assertThat(response.body()).contains("id=\"expired\"").contains("Reload the page");
        assertThat(exists("forms-no-token")).isFalse();
    }

    @Test
    void aStaleTokenAfterTheSessionEndedIsExplainedInRussian() {
        var response = post(
                "/admin/users",
                Map.of("username", "forms-stale", "_csrf", "a-token-of-a-session-long-gone"),
                "Accept-Language",
                "ru");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Срок действия формы истёк").contains("Обновите страницу");
        assertThat(exists("forms-stale")).isFalse();
    }

    @Test
    void aFormPostedWithoutTheRoleAnswers403SayingSoAndChangesNothing() {
        admin().postJson(
                        "/api/admin/users",
                        Map.of("username", "forms-translator", "password", PASSWORD, "roles", List.of("TRANSLATOR")));
        String authorization = Http.basic("forms-translator", PASSWORD);
        var home = Http.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Authorization", authorization)
                .header("Accept", "text/html")
                .build());
        var token = TOKEN.matcher(home.body());
        assertThat(token.find()).as(home.body()).isTrue();
        String cookie = home.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        var form = new java.util.HashMap<>(newUser("forms-by-translator"));
        form.put("_csrf", token.group(1));

        var response = post("/admin/users", form, "Authorization", authorization, "Cookie", cookie);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("id=\"forbidden\"").contains("Nothing was changed");
        assertThat(exists("forms-by-translator")).isFalse();
    }
}
