package org.verso.bench.ingest;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Library and ingest wired as in the application (without the web layer), for the benchmark. */
@SpringBootApplication(scanBasePackages = {"org.verso.library", "org.verso.ingest"})
@ConfigurationPropertiesScan({"org.verso.library", "org.verso.ingest"})
class BenchApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
