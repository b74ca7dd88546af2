package org.verso.translation;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The library, accounts and translation modules on an H2 file database migrated by the application's own Flyway scripts. */
@SpringBootApplication(scanBasePackages = {"org.verso.library", "org.verso.accounts", "org.verso.translation"})
@ConfigurationPropertiesScan({"org.verso.library", "org.verso.accounts", "org.verso.translation"})
class TranslationTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
