package org.verso.memory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the translation memory ({@code verso.memory.*}).
 *
 * @param minScore the lowest fuzzy score (%) a match must reach to be shown; default 70
 * @param maxTmxSize the largest TMX file an import reads; a larger one is refused whole; default 100 MB
 * @param maxTmxUnits the most translation units one TMX import may hold; default 1,000,000
 * @param cachedUnits how many units read for matches stay in memory for the next lookups (the editor asks for the
 *     neighbouring segments' matches again and again); past it, the oldest tenth go; default 20,000 (a few MB)
 */
@Validated
@ConfigurationProperties("verso.memory")
public record MemoryProperties(
        @Min(1) @Max(100) @DefaultValue("70") int minScore,
        @NotNull @DefaultValue("100MB") DataSize maxTmxSize,
        @Min(1) @Max(10_000_000) @DefaultValue("1000000") int maxTmxUnits,
        @Min(10) @Max(10_000_000) @DefaultValue("20000") int cachedUnits) {

    /** The defaults, for use outside Spring. */
    public static MemoryProperties defaults() {
        return new MemoryProperties(70, DataSize.ofMegabytes(100), 1_000_000, 20_000);
    }
}
