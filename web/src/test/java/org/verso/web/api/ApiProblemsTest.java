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

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.problemCode()).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
