package org.verso.search;

/**
 * How the cache of recent searches has fared since the application started.
 *
 * @param hits searches answered from the cache (only the page's stored fields and snippets read)
 * @param misses searches computed in full (the cache was off, the query new, or the index had changed)
 * @param entries searches kept now
 * @param capacity most searches kept ({@code verso.search.cache-size}); 0 when the cache is off
 */
public record SearchCacheStatistics(long hits, long misses, int entries, int capacity) {
    /** Share of searches answered from the cache, 0 when there were none. */
    public double hitRatio() {
        long all = hits + misses;
        return all == 0 ? 0 : (double) hits / all;
    }
}
