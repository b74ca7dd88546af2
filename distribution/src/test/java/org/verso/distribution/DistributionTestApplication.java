package org.verso.distribution;

import java.time.Clock;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Library, accounts and distribution on an H2 file (or PostgreSQL) database migrated by their own Flyway scripts; the
 * revisions of approved translations come from {@link InMemoryRevisions} until translation's own bean is merged.
 */
@EnableAutoConfiguration
@ComponentScan({"org.verso.library", "org.verso.accounts", "org.verso.distribution"})
@ConfigurationPropertiesScan({"org.verso.library", "org.verso.accounts"})
class DistributionTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    InMemoryRevisions revisions() {
        return new InMemoryRevisions();
    }
}
