package org.verso.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;

/**
 * A page's scripts ask for JSON many at a time with the page's session: every one of them is answered in that session,
 * which none of them changes; a script whose session is gone gets a problem to show, not a password prompt.
 */
class PageSessionTest extends WebTest {
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "page-session-password-1";

    @Autowired
    Accounts accounts;

    @Test
    void aPagesScriptsAskingAtOnceAreAllAnsweredInTheirSessionWhichStaysTheSame() throws Exception {
        String cookie = signIn("ps-tanya");
        int requests = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Callable<HttpResponse<String>> ask = () -> {
                    start.await();
                    return json("/translations/list.json", cookie);
                };
                answers.add(pool.submit(ask));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(json("/translations/list.json", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void aPagesScriptWithoutASessionGetsAProblemAndNoPasswordPrompt() {
        HttpResponse<String> response = json("/translations/list.json", "JSESSIONID=long-gone");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("session-ended");
    }

    private String signIn(String username) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new CreateAccount(
                    username, "Page Session", PASSWORD, Set.of(Role.TRANSLATOR), Set.of(LanguageTag.of("ru")), "en"));
        }
        var login = Http.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Accept", "text/html")
                .build());
        var token = TOKEN.matcher(login.body());
        assertThat(token.find()).as(login.body()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var signedIn = Http.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Cookie", cookieOf(login))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return cookieOf(signedIn);
    }

    private static String cookieOf(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private HttpResponse<String> json(String path, String cookie) {
        return Http.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header("Cookie", cookie)
                .build());
    }
}
