package org.verso.memory;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The library, accounts, translation and memory modules on an H2 file database migrated by their own scripts. */
@SpringBootApplication(
        scanBasePackages = {"org.verso.library", "org.verso.accounts", "org.verso.translation", "org.verso.memory"})
@ConfigurationPropertiesScan({"org.verso.library", "org.verso.accounts", "org.verso.translation", "org.verso.memory"})
class MemoryTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
