package org.verso.translation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the translation module ({@code verso.translation.*}).
 *
 * @param timeLimit the longest that extracting the segments of one file (or merging a translation into it) may take;
 *     past it the file is recorded as failed with the reason; default 60 s
 * @param maxSegmentsPerFile the most segments one file may yield; a file with more is recorded as failed rather than
 *     filling the database; default 200,000
 * @param srxRules an SRX 2.0 file with our own sentence-segmentation rules; when absent Okapi's default rules are used
 * @param workers how many ingested files are segmented at the same time, in the background; default 1
 * @param claimExpiry how long a claim on a translation holds without a save (every save renews it); default 7 days
 */
@Validated
@ConfigurationProperties("verso.translation")
public record TranslationProperties(
        @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) @DefaultValue("60s") Duration timeLimit,
        @Min(1) @Max(10_000_000) @DefaultValue("200000") int maxSegmentsPerFile,
        Path srxRules,
        @Min(1) @Max(16) @DefaultValue("1") int workers,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("7d") Duration claimExpiry) {

    /** The defaults, for use outside Spring. */
    public static TranslationProperties defaults() {
        return new TranslationProperties(Duration.ofSeconds(60), 200_000, null, 1, Duration.ofDays(7));
    }
}
