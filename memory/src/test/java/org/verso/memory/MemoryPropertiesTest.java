package org.verso.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class MemoryPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Configuration
    @EnableConfigurationProperties(MemoryProperties.class)
    static class Config {}

    @Test
    void defaultsApply() {
        runner.run(context -> {
            MemoryProperties properties = context.getBean(MemoryProperties.class);
            assertThat(properties).isEqualTo(MemoryProperties.defaults());
            assertThat(properties.minScore()).isEqualTo(70);
            assertThat(properties.maxTmxSize()).isEqualTo(DataSize.ofMegabytes(100));
        });
    }

    @Test
    void aBadValueFailsStartUpNamingTheProperty() {
        assertFailsNaming("verso.memory.min-score=0", "minScore");
        assertFailsNaming("verso.memory.min-score=101", "minScore");
        assertFailsNaming("verso.memory.max-tmx-units=0", "maxTmxUnits");
        assertFailsNaming("verso.memory.cached-units=1", "cachedUnits");
    }

    private void assertFailsNaming(String setting, String property) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("verso.memory." + property);
        });
    }
}
