package org.verso.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.verso.web.VersoProperties;
import org.verso.web.testing.WebTest;

/** Repeated failed sign-ins lock an account for a while, over the API as on the sign-in form. */
class LoginThrottleTest extends WebTest {

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        var created = admin().postJson(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                "throttled",
                                "password",
                                "right-password-1",
                                "roles",
                                List.of("TRANSLATOR")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(http().as("throttled", "right-password-1").get("/api/me").status())
                .isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            assertThat(http().as("throttled", "wrong-password-" + i)
                            .get("/api/me")
                            .status())
                    .isEqualTo(401);
        }
        var locked = http().as("throttled", "right-password-1").get("/api/me");

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.problemCode()).isEqualTo("sign-in-throttled");
        assertThat(locked.json().path("detail").asString()).contains("Too many failed sign-ins");
    }

    @Test
    void lockEndsAfterTheConfiguredTime() {
        var clock = new MutableClock();
        var throttle = new LoginThrottle(
                new VersoProperties(
                        java.nio.file.Path.of("."),
                        new VersoProperties.Login(3, Duration.ofMinutes(10), Duration.ofMinutes(5)),
                        DataSize.ofMegabytes(1)),
                clock);

        for (int i = 0; i < 3; i++) {
            throttle.failed("olga", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("olga", "10.0.0.2")).contains(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("ivan", "10.0.0.2")).isEmpty();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(throttle.lockedFor("olga", "10.0.0.2")).isEmpty();
    }

    @Test
    void oneAddressFailingForManyAccountsIsLockedToo() {
        var throttle = new LoginThrottle(
                new VersoProperties(
                        java.nio.file.Path.of("."),
                        new VersoProperties.Login(2, Duration.ofMinutes(10), Duration.ofMinutes(5)),
                        DataSize.ofMegabytes(1)),
                new MutableClock());

        for (int i = 0; i < 8; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }

        assertThat(throttle.lockedFor("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "10.0.0.10")).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
