package org.verso.search;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The catalogue and search together on an H2 file database migrated by the application's own scripts. */
@SpringBootApplication(scanBasePackages = {"org.verso.library", "org.verso.search"})
@ConfigurationPropertiesScan("org.verso")
class SearchTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
