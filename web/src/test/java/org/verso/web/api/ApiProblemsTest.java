package org.verso.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http.Response;
import org.verso.web.testing.WebTest;

/** Every error the API gives is an RFC 9457 problem detail with a stable type, and never shows a stack trace. */
class ApiProblemsTest extends WebTest {

    @Test
    void unauthenticatedRequestAnswers401WithBasicChallenge() {
        Response response = http().get("/api/me");

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.challenge()).startsWith("Basic");
    }

    @Test
    void wrongPasswordAnswers401() {
        assertProblem(http().as("admin", "not-the-password").get("/api/me"), 401, "unauthenticated");
    }

    @Test
    void missingRoleAnswers403() {
        var translator = Accounts.create(admin(), "problems-translator", List.of("TRANSLATOR"));

        assertProblem(translator.get("/api/admin/users"), 403, "forbidden");
    }

    @Test
    void unknownPathAnswers404() {
        assertProblem(admin().get("/api/no-such-thing"), 404, "not-found");
    }

    @Test
    void unknownUserAnswers404WithDomainType() {
        assertProblem(admin().get("/api/admin/users/00000000-0000-0000-0000-000000000001"), 404, "user-not-found");
    }

    @Test
    void malformedIdAnswers400() {
        assertProblem(admin().get("/api/admin/users/not-a-uuid"), 400, "invalid-user");
    }

    @Test
    void wrongMethodAnswers405() {
        assertProblem(admin().send("DELETE", "/api/me", null, ""), 405, "method-not-allowed");
    }

    @Test
    void malformedJsonAnswers400() {
        assertProblem(admin().postJson("/api/admin/users", "{\"username\": "), 400, "bad-request");
    }

    @Test
    void invalidFieldAnswers400NamingTheField() {
        Response response = admin().postJson(
                        "/api/admin/users",
                        Map.of("username", "shorty", "password", "short", "roles", List.of("TRANSLATOR")));

        assertProblem(response, 400, "invalid-user");
        assertThat(response.json().path("field").asString()).isEqualTo("password");
        assertThat(response.json().path("detail").asString()).contains("12 characters");
    }

    @Test
    void duplicateAnswers409() {
        Accounts.create(admin(), "problems-twice", List.of("LOGISTICS"));

        Response again = admin().postJson("/api/admin/users", Accounts.body("problems-twice", List.of("LOGISTICS")));

        assertProblem(again, 409, "username-taken");
    }

    @Test
    void oversizedBodyAnswers413() {
        String huge = "{\"username\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        assertProblem(admin().postJson("/api/admin/users", huge), 413, "payload-too-large");
    }

    @Test
    void wrongContentTypeAnswers415() {
        assertProblem(
                admin().send("POST", "/api/admin/users", "text/plain", "username=someone"),
                415,
                "unsupported-media-type");
    }

    @Test
    void badInputLeavesStoredDataAsItWas() {
        int before = admin().get("/api/admin/users").json().size();

        admin().postJson("/api/admin/users", Map.of("username", "bad input!", "password", "long-enough-password"));
        admin().postJson("/api/admin/users", Map.of("username", "noroles", "password", "long-enough-password"));

        assertThat(admin().get("/api/admin/users").json().size()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndNothingIsCreated() {
        var body = new java.util.LinkedHashMap<String, Object>(Accounts.body("problems-sneaky", List.of("LOGISTICS")));
        body.put("isAdmin", true);

        Response response = admin().postJson("/api/admin/users", body);

        assertProblem(response, 400, "unknown-field");
        assertThat(response.json().path("field").asString()).isEqualTo("isAdmin");
        assertThat(admin().get("/api/admin/users").body()).doesNotContain("problems-sneaky");
    }

    @Test
    void unknownFieldsAreRefusedByEveryJsonBodyNotOnlyAccounts() {
        var coordinator = Accounts.create(admin(), "problems-coordinator", List.of("COORDINATOR"));

        Response folder = coordinator.postJson("/api/ingest/jobs", Map.of("path", "/tmp", "recursive", true));
        Response password = admin().postJson(
                        "/api/admin/users/" + id("problems-coordinator") + "/password",
                        Map.of("password", "another-long-password", "confirm", "another-long-password"));

        assertProblem(folder, 400, "unknown-field");
        assertThat(folder.json().path("field").asString()).isEqualTo("recursive");
        assertProblem(password, 400, "unknown-field");
        assertThat(admin().as("problems-coordinator", Accounts.PASSWORD)
                        .get("/api/me")
                        .status())
                .isEqualTo(200); // the password did not change
    }

    @Test
    void aPasswordOver72BytesIsRefusedWithTheLimitWhetherLatinOrCyrillic() {
        Response latin = admin().postJson(
                        "/api/admin/users",
                        Map.of("username", "pw-latin", "password", "a".repeat(73), "roles", List.of("LOGISTICS")));
        Response cyrillic = admin().postJson(
                        "/api/admin/users",
                        Map.of("username", "pw-cyrillic", "password", "ж".repeat(37), "roles", List.of("LOGISTICS")));

        for (Response refused : List.of(latin, cyrillic)) {
            assertProblem(refused, 400, "invalid-user");
            assertThat(refused.json().path("field").asString()).isEqualTo("password");
            assertThat(refused.json().path("detail").asString()).contains("72 bytes");
        }
        assertThat(admin().get("/api/admin/users").body())
                .doesNotContain("pw-latin")
                .doesNotContain("pw-cyrillic");
    }

    @Test
    void aPasswordOfExactly72BytesIsTakenAndSignsIn() {
        String password = "ж".repeat(36); // 72 bytes in UTF-8

        Response created = admin().postJson(
                        "/api/admin/users",
                        Map.of("username", "pw-72", "password", password, "roles", List.of("LOGISTICS")));

        assertThat(created.status()).as(created.body()).isIn(201, 409);
        assertThat(admin().as("pw-72", password).get("/api/me").status()).isEqualTo(200);
        Response reset =
                admin().postJson("/api/admin/users/" + id("pw-72") + "/password", Map.of("password", "ж".repeat(37)));
        assertProblem(reset, 400, "invalid-user");
        assertThat(reset.json().path("detail").asString()).contains("72 bytes");
        assertThat(admin().as("pw-72", password).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aPageTimesSizeThatOverflowsIsRefusedEverywhereNot500() {
        for (String query : List.of(
                "/api/search?q=x&page=2147483647&size=10",
                "/api/search?q=x&page=107374183&size=20",
                "/api/search?q=&page=214748365&size=100",
                "/api/documents?page=2147483647&size=200",
                "/api/documents?page=99999999999")) {
            Response response = admin().get(query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(response.isProblem()).as(query).isTrue();
        }
        assertProblem(admin().get("/api/search?q=x&page=107374183&size=20"), 400, "invalid-page");
        assertProblem(admin().get("/search?q=x&page=107374183&size=20"), 400, "invalid-page"); // the page's JSON
        var searchPage = org.verso.web.testing.RawHttp.exchange(
                port,
                "GET /search?q=x&page=107374183&size=20 HTTP/1.1\nHost: localhost\nAccept: text/html\nConnection: close\n"
                        + org.verso.web.testing.RawHttp.basic("admin", ADMIN_PASSWORD),
                new byte[0]);
        assertThat(searchPage.status()).isEqualTo(200); // the page shows the refusal in place of hits
        assertThat(searchPage.body()).contains("id=\"search-error\"");
    }

    @Test
    void listsCountPagesFromOneAndWriteValuesInLowerCase() {
        Response documents = admin().get("/api/documents?size=1");
        Response search = admin().get("/api/search?q=&size=1");
        Response me = admin().get("/api/me");

        assertThat(documents.json().path("page").asInt()).isEqualTo(1);
        assertThat(search.json().path("page").asInt()).isEqualTo(1);
        for (String field : List.of("page", "size", "total", "pages")) {
            assertThat(documents.json().has(field)).as("documents " + field).isTrue();
            assertThat(search.json().has(field)).as("search " + field).isTrue();
        }
        assertProblem(admin().get("/api/documents?page=0"), 400, "invalid-page");
        assertProblem(admin().get("/api/search?page=0"), 400, "invalid-page");
        assertThat(me.json().path("roles").get(0).asString()).isEqualTo("admin");
        String openApi = admin().get("/v3/api-docs").body();
        assertThat(openApi).contains("pages count from 1").contains("lower case");
    }

    private String id(String username) {
        for (var user : admin().get("/api/admin/users").json()) {
            if (user.path("username").asString().equals(username)) {
                return user.path("id").asString();
            }
        }
        throw new AssertionError("no user " + username);
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.problemCode()).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
