package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class SearchPropertiesTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SearchProperties.class)
    static class Props {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Props.class);

    @Test
    void defaultsAreSensible() {
        runner.run(context -> {
            SearchProperties properties = context.getBean(SearchProperties.class);
            assertThat(properties.indexDir()).isNull();
            assertThat(properties.refreshInterval().toMillis()).isEqualTo(200);
            assertThat(properties.checkOnStartup()).isTrue();
            assertThat(properties.cacheSize()).isEqualTo(1000);
            assertThat(properties.countSampleAbove()).isEqualTo(20000);
            assertThat(properties.queueAbove()).isEqualTo(10000);
            assertThat(properties.translationIndexWindow()).hasSeconds(1);
        });
    }

    @Test
    void aTranslationIndexWindowOverAMinuteFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.search.translation-index-window=2m").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("verso.search.translation-index-window"));
    }

    @Test
    void aNegativeQueueBoundFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.search.queue-above=-1").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("verso.search")
                .hasStackTraceContaining("queueAbove"));
    }

    @Test
    void aRefreshIntervalOverASecondFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.search.refresh-interval=5s").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("verso.search.refresh-interval"));
    }

    @Test
    void aFacetLimitOfZeroFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.search.facet-limit=0").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("verso.search")
                .hasStackTraceContaining("facetLimit"));
    }

    @Test
    void aNegativeCacheSizeFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.search.cache-size=-1").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("verso.search")
                .hasStackTraceContaining("cacheSize"));
    }

    @Test
    void aSampleTooSmallToSayAnythingFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("verso.search.count-sample-above=500").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("verso.search.count-sample-above"));
    }

    @Test
    void theCacheAndTheSampleCanBeTurnedOff() {
        runner.withPropertyValues("verso.search.cache-size=0", "verso.search.count-sample-above=0")
                .run(context -> {
                    SearchProperties properties = context.getBean(SearchProperties.class);
                    assertThat(properties.cacheSize()).isZero();
                    assertThat(properties.countSampleAbove()).isZero();
                });
    }
}
