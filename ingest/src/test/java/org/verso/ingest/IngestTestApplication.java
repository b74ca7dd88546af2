package org.verso.ingest;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Library and ingest together on an H2 file database, as the application wires them. */
@SpringBootApplication(scanBasePackages = "org.verso")
@ConfigurationPropertiesScan("org.verso")
class IngestTestApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
