package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class TranslationPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Configuration
    @EnableConfigurationProperties(TranslationProperties.class)
    static class Config {}

    @Test
    void defaultsApply() {
        runner.run(context -> {
            TranslationProperties properties = context.getBean(TranslationProperties.class);
            assertThat(properties.timeLimit()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.maxSegmentsPerFile()).isEqualTo(200_000);
            assertThat(properties.workers()).isEqualTo(1);
            assertThat(properties.srxRules()).isNull();
        });
    }

    @Test
    void aBadValueFailsStartUpNamingTheProperty() {
        assertFailsNaming("verso.translation.time-limit=0s", "timeLimit");
        assertFailsNaming("verso.translation.time-limit=2h", "timeLimit");
        assertFailsNaming("verso.translation.max-segments-per-file=0", "maxSegmentsPerFile");
        assertFailsNaming("verso.translation.workers=17", "workers");
    }

    private void assertFailsNaming(String setting, String property) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("verso.translation." + property);
        });
    }
}
