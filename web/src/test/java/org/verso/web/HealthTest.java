package org.verso.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.verso.web.testing.WebTest;

/**
 * Health answers UP only when the application accepts traffic, which Spring Boot declares after the start-up runners
 * (the first admin account, the demo library): a script or a test that waits for health can then sign in at once.
 */
class HealthTest extends WebTest {
    @Autowired
    ApplicationContext context;

    @Test
    void healthIsUpOnlyWhileTheApplicationAcceptsTraffic() {
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

            var refusing = http().get("/actuator/health");

            assertThat(refusing.status()).isEqualTo(503);
            assertThat(refusing.body()).contains("OUT_OF_SERVICE");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void healthNeedsNoSignIn() {
        var health = http().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
