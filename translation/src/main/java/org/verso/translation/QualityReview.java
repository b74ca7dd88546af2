package org.verso.translation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;

/**
 * The quality issues of a translation's segments ({@link QualityChecks}) as translators and reviewers see them, and
 * accepting a warning with a reason. Errors cannot be accepted: they block submit and approval
 * ({@link QualityErrors}). Thread-safe.
 */
public class QualityReview {
    private static final int MAX_REASON = 1000;

    private final Translations translations;
    private final SegmentQuality quality;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    QualityReview(
            Translations translations,
            SegmentQuality quality,
            Accounts accounts,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.translations = Objects.requireNonNull(translations, "translations");
        this.quality = Objects.requireNonNull(quality, "quality");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.transaction = new TransactionTemplate(transactions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The issues of the given segments of a translation (a page of them), accepted warnings marked. */
    public Map<SegmentId, List<QualityIssue>> issues(TranslationId id, List<TargetSegment> segments) {
        return quality.issues(translations.get(id), segments);
    }

    /** The issues of one segment. */
    public List<QualityIssue> issues(TranslationId id, TargetSegment segment) {
        return issues(id, List.of(segment)).get(segment.id());
    }

    /** Every segment of the translation that has an issue nobody accepted, in document order: the reviewer's list. */
    public List<SegmentIssues> open(TranslationId id) {
        Translation t = translations.get(id);
        List<TargetSegment> segments = translations.allSegments(id);
        Map<SegmentId, List<QualityIssue>> issues = quality.issues(t, segments);
        return segments.stream()
                .filter(s -> issues.get(s.id()).stream().anyMatch(QualityIssue::open))
                .map(s -> new SegmentIssues(
                        s.id(),
                        s.fileName(),
                        s.index(),
                        issues.get(s.id()).stream().filter(QualityIssue::open).toList()))
                .toList();
    }

    /**
     * Accepts a warning of a segment's current target with a reason the reviewer sees: the claim's holder or a
     * coordinator. A changed target is checked afresh (the acceptance held for the text it was given for).
     *
     * @return the segment's issues after it
     * @throws org.verso.library.InvalidInputException {@code acceptance-reason-required}, {@code invalid-reason}
     * @throws org.verso.library.NotFoundException {@code issue-not-found} when the segment has no such issue now
     * @throws org.verso.library.ConflictException {@code issue-is-error} for an error, {@code translation-approved}
     * @throws org.verso.library.ForbiddenOperationException {@code claim-required-to-accept}
     */
    public List<QualityIssue> accept(TranslationId id, SegmentId segment, String check, String reason, AccountId by) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refusals.invalid(
                    "acceptance-reason-required", "Say why the warning is acceptable: the reviewer reads it.");
        }
        if (why.length() > MAX_REASON) {
            throw Refusals.invalid("invalid-reason", "A reason has at most " + MAX_REASON + " characters.");
        }
        Actor actor = Actor.of(accounts.get(by));
        transaction.executeWithoutResult(status -> {
            Translation t = translations.get(id);
            Instant now = clock.instant();
            boolean holder = t.claim() != null
                    && t.claim().holder().equals(by)
                    && t.claim().heldAt(now);
            if (!holder && !actor.coordinator()) {
                throw new org.verso.library.ForbiddenOperationException(
                        "claim-required-to-accept", "Only the translation's holder or a coordinator accepts warnings.");
            }
            if (t.status() == TranslationStatus.APPROVED) {
                throw Refusals.approved();
            }
            TargetSegment s = translations.segment(id, segment);
            QualityIssue issue = quality.check(t, s).stream()
                    .filter(i -> i.check().equals(check))
                    .findFirst()
                    .orElseThrow(() -> new org.verso.library.NotFoundException(
                            "issue-not-found", "The segment's target has no issue " + check + " (any more)."));
            if (issue.severity() == IssueSeverity.ERROR) {
                throw new org.verso.library.ConflictException(
                        "issue-is-error", "An error (" + check + ") cannot be accepted; correct the target.");
            }
            quality.accept(id, s, check, why, by, now);
        });
        return issues(id, translations.segment(id, segment));
    }
}
