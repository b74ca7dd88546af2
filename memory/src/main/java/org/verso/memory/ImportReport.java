package org.verso.memory;

import java.util.List;

/**
 * What a TMX import did: units added, updated (known, newer provenance) and skipped, each skip with its reason.
 *
 * @param skips the first {@link #MAX_SKIPS} skips; {@code skipped} counts them all
 */
public record ImportReport(int files, int added, int updated, int skipped, List<Skip> skips) {
    public static final int MAX_SKIPS = 1000;

    /**
     * One pair not imported.
     *
     * @param unit the {@code <tu>}'s number in its file, from 1
     * @param reason a stable code: {@code duplicate}, {@code no-source-variant}, {@code no-target-variant},
     *     {@code empty-segment}, {@code same-language}
     */
    public record Skip(String file, int unit, String language, String reason, String detail) {}

    public ImportReport {
        skips = List.copyOf(skips);
    }
}
