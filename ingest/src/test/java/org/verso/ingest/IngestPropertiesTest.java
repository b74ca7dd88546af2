package org.verso.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class IngestPropertiesTest {
    @Configuration
    @EnableConfigurationProperties(IngestProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreThoseOfTheIssue() {
        runner.run(context -> {
            IngestProperties p = context.getBean(IngestProperties.class);
            assertThat(p.maxFileSize().toMegabytes()).isEqualTo(200);
            assertThat(p.parseTimeout().toSeconds()).isEqualTo(60);
            assertThat(p.inboxEnabled()).isTrue();
            assertThat(p.prestartWorkers()).isTrue();
            assertThat(p.ocrEnabled()).isTrue();
            assertThat(p.ocrLanguages()).isEqualTo("eng+rus");
        });
    }

    @Test
    void badValuesFailStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.ingest.workers=0").run(context -> assertThat(context.getStartupFailure())
                .isNotNull()
                .rootCause()
                .hasMessageContaining("workers"));
        runner.withPropertyValues("verso.ingest.worker-heap=16MB")
                .run(context -> assertThat(context.getStartupFailure())
                        .isNotNull()
                        .rootCause()
                        .hasMessageContaining("verso.ingest.worker-heap"));
        runner.withPropertyValues("verso.ingest.parse-timeout=0s")
                .run(context -> assertThat(context.getStartupFailure())
                        .isNotNull()
                        .rootCause()
                        .hasMessageContaining("verso.ingest.parse-timeout"));
    }

    @Test
    void ocrCanBeTurnedOffAndItsLanguagesMustBeTesseractNames() {
        runner.withPropertyValues("verso.ingest.ocr-enabled=false", "verso.ingest.ocr-languages=deu+fra+chi_sim")
                .run(context -> {
                    IngestProperties p = context.getBean(IngestProperties.class);
                    assertThat(p.ocrEnabled()).isFalse();
                    assertThat(p.ocrLanguages()).isEqualTo("deu+fra+chi_sim");
                });
        for (String bad : new String[] {"", "eng,rus", "eng+", "eng; rm -rf /", "en"}) {
            runner.withPropertyValues("verso.ingest.ocr-languages=" + bad)
                    .run(context -> assertThat(context.getStartupFailure())
                            .as(bad)
                            .isNotNull()
                            .rootCause()
                            .hasMessageContaining("verso.ingest.ocr-languages"));
        }
    }
}
