package org.verso.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.verso.web.testing.Http;

/** Creates accounts through the admin API, as an admin would. */
final class Accounts {
    static final String PASSWORD = "a-long-test-password";

    private Accounts() {}

    static Map<String, Object> body(String username, List<String> roles) {
        return Map.of("username", username, "password", PASSWORD, "roles", roles, "languages", List.of("ru"));
    }

    static Http create(Http admin, String username, List<String> roles) {
        var response = admin.postJson("/api/admin/users", body(username, roles));
        assertThat(response.status()).as(response.body()).isIn(201, 409);
        return admin.as(username, PASSWORD);
    }
}
