package org.verso.accounts;

import java.time.Clock;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** The library and the accounts on an H2 file database migrated by their own Flyway scripts. */
@EnableAutoConfiguration
@ComponentScan({"org.verso.library", "org.verso.accounts"})
@ConfigurationPropertiesScan({"org.verso.library", "org.verso.accounts"})
class AccountsTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
