package org.verso.translation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.verso.accounts.AccountId;

/**
 * One problem a quality check found in a segment's target.
 *
 * @param check the check's stable code ({@code codes-missing}, {@code numbers-differ}, {@code term-missing}, …)
 * @param details what the check saw, for the message (the missing numbers, the term, …); never null
 * @param acceptance the reason a warning was accepted with, or null while it is open
 */
public record QualityIssue(String check, IssueSeverity severity, List<String> details, Acceptance acceptance) {
    public QualityIssue {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        details = List.copyOf(details);
    }

    static QualityIssue error(String check, List<String> details) {
        return new QualityIssue(check, IssueSeverity.ERROR, details, null);
    }

    static QualityIssue warning(String check, List<String> details) {
        return new QualityIssue(check, IssueSeverity.WARNING, details, null);
    }

    /** Whether nobody has accepted it (errors are always open). */
    public boolean open() {
        return acceptance == null;
    }

    QualityIssue accepted(Acceptance by) {
        return new QualityIssue(check, severity, details, by);
    }

    /** Who accepted a warning, when, and why (the reviewer sees it). */
    public record Acceptance(String reason, AccountId by, Instant at) {
        public Acceptance {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
