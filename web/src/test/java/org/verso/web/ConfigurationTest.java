package org.verso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.verso.library.testing.TempDirs;
import org.verso.web.testing.Arguments;

/** A bad setting stops start-up with a message that names the property. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationTest {

    private static void start(String... properties) {
        new SpringApplicationBuilder(VersoApplication.class)
                .run(Arguments.of(TempDirs.create("verso-config-"), properties))
                .close();
    }

    @Test
    void badThrottleSettingStopsStartUpNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("verso.login.max-failures=0"))
                .hasStackTraceContaining("must be greater than or equal to 1");
        // the start-up report names the property (Boot spells nested record fields in camel case)
        assertThat(output.getAll()).containsPattern("Property: verso\\.login\\.max(-f|F)ailures");
    }

    @Test
    void shortAdminPasswordStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> start("verso.admin-password=short")).hasStackTraceContaining("verso.admin-password");
    }

    @Test
    void unreadableSizeStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> start("verso.max-json-body=lots")).hasStackTraceContaining("verso.max-json-body");
    }
}
