package org.verso.web.search;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.verso.search.LibraryIndex;

/**
 * How the cache of recent searches fares, for operators ({@code /actuator/prometheus}): searches answered from it
 * ({@code verso_search_cache_hits_total}), computed in full ({@code verso_search_cache_misses_total}), the share of
 * hits since start and the searches kept. A low hit ratio with a full cache suggests a larger {@code
 * verso.search.cache-size}.
 */
@Configuration(proxyBeanMethods = false)
class SearchMetrics {
    @Bean
    MeterBinder searchCacheMetrics(LibraryIndex index) {
        return registry -> {
            FunctionCounter.builder("verso.search.cache.hits", index, i -> i.cacheStatistics()
                            .hits())
                    .description("Searches answered from the cache of recent searches")
                    .register(registry);
            FunctionCounter.builder("verso.search.cache.misses", index, i -> i.cacheStatistics()
                            .misses())
                    .description("Searches computed in full")
                    .register(registry);
            Gauge.builder("verso.search.cache.hit.ratio", index, i -> i.cacheStatistics()
                            .hitRatio())
                    .description("Share of searches answered from the cache since start")
                    .register(registry);
            Gauge.builder("verso.search.cache.entries", index, i -> i.cacheStatistics()
                            .entries())
                    .description("Searches kept in the cache")
                    .register(registry);
        };
    }
}
