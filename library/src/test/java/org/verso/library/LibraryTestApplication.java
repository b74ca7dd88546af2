package org.verso.library;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The library alone on an H2 file database migrated by the application's own Flyway scripts. */
@SpringBootApplication
@ConfigurationPropertiesScan
class LibraryTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
