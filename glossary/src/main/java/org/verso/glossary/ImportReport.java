package org.verso.glossary;

import java.util.List;

/**
 * What an import did: how many terms it added, updated and skipped, and each line's outcome.
 *
 * @param format {@code tbx} or {@code csv}
 */
public record ImportReport(String format, int added, int updated, int skipped, List<Line> lines) {
    public ImportReport {
        lines = List.copyOf(lines);
    }

    /**
     * One entry of the file and what became of it.
     *
     * @param at where in the file (a line, an entry id)
     * @param outcome {@code added}, {@code updated} or {@code skipped}
     * @param reason why it was skipped (or what changed), or null
     */
    public record Line(String at, String sourceTerm, String targetTerm, String outcome, String reason) {}
}
