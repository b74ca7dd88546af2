package org.verso.library;

import java.time.Clock;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The library alone on an H2 file database migrated by the application's own Flyway scripts. Deliberately not a
 * {@code @Configuration}: library's test classes are on the other modules' test class path (its test-jar), and their
 * scans of {@code org.verso} must not pick this up.
 */
@EnableAutoConfiguration
@ComponentScan
@ConfigurationPropertiesScan
class LibraryTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
