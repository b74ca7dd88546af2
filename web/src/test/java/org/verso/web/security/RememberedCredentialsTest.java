package org.verso.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.WebTest;

/**
 * A stateless API client is checked in full once, then remembered for a few minutes; a password reset or a disabled
 * account takes effect on the next request all the same.
 */
class RememberedCredentialsTest extends WebTest {

    private String create(String username, String password) {
        var created = admin().postJson(
                        "/api/admin/users",
                        Map.of("username", username, "password", password, "roles", List.of("TRANSLATOR")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void repeatedRequestsAreFastAfterTheFirst() {
        create("remembered-fast", "fast-password-12");
        var client = http().as("remembered-fast", "fast-password-12");
        assertThat(client.get("/api/me").status()).isEqualTo(200);

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/api/me").status()).isEqualTo(200);
        }
        long perRequestMillis = (System.nanoTime() - started) / 20 / 1_000_000;
        System.out.printf("remembered Basic credentials: %d ms per /api/me%n", perRequestMillis);
    }

    @Test
    void aWrongPasswordIsNeverTakenForTheRememberedOne() {
        create("remembered-wrong", "right-password-12");
        assertThat(http().as("remembered-wrong", "right-password-12")
                        .get("/api/me")
                        .status())
                .isEqualTo(200);

        assertThat(http().as("remembered-wrong", "right-password-13")
                        .get("/api/me")
                        .status())
                .isEqualTo(401);
        assertThat(http().as("remembered-wrong", "right-password-12")
                        .get("/api/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsTheOldPasswordAtOnce() {
        String id = create("remembered-reset", "old-password-123");
        assertThat(http().as("remembered-reset", "old-password-123")
                        .get("/api/me")
                        .status())
                .isEqualTo(200);

        admin().postJson("/api/admin/users/" + id + "/password", Map.of("password", "new-password-123"));

        assertThat(http().as("remembered-reset", "old-password-123")
                        .get("/api/me")
                        .status())
                .isEqualTo(401);
        assertThat(http().as("remembered-reset", "new-password-123")
                        .get("/api/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsRefusedAtOnce() {
        String id = create("remembered-disabled", "some-password-12");
        assertThat(http().as("remembered-disabled", "some-password-12")
                        .get("/api/me")
                        .status())
                .isEqualTo(200);

        admin().patchJson("/api/admin/users/" + id, Map.of("enabled", false));

        assertThat(http().as("remembered-disabled", "some-password-12")
                        .get("/api/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void changedRolesTakeEffectAtOnce() {
        String id = create("remembered-roles", "roles-password-12");
        var client = http().as("remembered-roles", "roles-password-12");
        assertThat(client.get("/api/admin/users").status()).isEqualTo(403);

        admin().patchJson("/api/admin/users/" + id, Map.of("roles", List.of("ADMIN")));

        assertThat(client.get("/api/admin/users").status()).isEqualTo(200);
    }
}
