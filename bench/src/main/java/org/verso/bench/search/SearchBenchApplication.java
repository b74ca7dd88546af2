package org.verso.bench.search;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole application exactly as {@code VersoApplication} assembles it, minus the benchmarks' own configurations
 * (they live under {@code org.verso} too, and the application scans all of it).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("org.verso")
@ComponentScan(
        basePackages = "org.verso",
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.verso\\.(bench\\..*|web\\.VersoApplication)"))
class SearchBenchApplication {}
