package org.verso.translation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.verso.accounts.AccountId;

/**
 * The state machine of a translation: decides whether an action is allowed and what the translation becomes, without
 * touching the database. Every method either returns the new state or throws the refusal.
 *
 * <p>Claims are exclusive and expire after {@code expiry} without a save. Only a translator into the target language
 * claims or holds it. Reviewers are coordinators, or translators into the target language reviewing segments they did
 * not translate; nobody reviews their own segment.
 */
final class Workflow {
    private final Duration expiry;

    Workflow(Duration expiry) {
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    Translation claim(Translation t, Actor actor, Instant now) {
        if (!actor.translates(t.targetLanguage())) {
            throw Refusals.languageNotYours(t.targetLanguage());
        }
        Claim claim = t.claim();
        if (claim != null && claim.heldAt(now) && !claim.holder().equals(actor.id())) {
            throw new TranslationClaimed(claim.holder(), claim.until());
        }
        if (t.status() == TranslationStatus.APPROVED) {
            throw Refusals.approved();
        }
        if (t.status() == TranslationStatus.IN_REVIEW) {
            throw Refusals.wrongStatus(t.status(), "be claimed");
        }
        TranslationStatus next = t.status().claimable() ? TranslationStatus.CLAIMED : t.status();
        return t.with(next, new Claim(actor.id(), now.plus(expiry)));
    }

    Translation release(Translation t, Actor actor, boolean approvedBefore) {
        if (t.claim() == null) {
            throw Refusals.wrongStatus(t.status(), "be released: nobody holds it");
        }
        if (!actor.coordinator() && !t.claim().holder().equals(actor.id())) {
            throw Refusals.coordinatorOnly("release another translator's claim");
        }
        return t.with(unclaimed(t, approvedBefore), null);
    }

    /** Gives the translation to {@code assignee} (a claim of theirs), or revokes it when {@code assignee} is null. */
    Translation assign(Translation t, Actor actor, Actor assignee, Instant now, boolean approvedBefore) {
        if (!actor.coordinator()) {
            throw Refusals.coordinatorOnly("assign or revoke a translation");
        }
        if (t.status() == TranslationStatus.APPROVED) {
            throw Refusals.approved();
        }
        if (assignee == null) {
            return t.with(unclaimed(t, approvedBefore), null);
        }
        if (!assignee.translates(t.targetLanguage())) {
            throw Refusals.invalid(
                    "assignee-language", "The assignee does not translate into " + t.targetLanguage() + ".");
        }
        TranslationStatus next = t.status().claimable() ? TranslationStatus.CLAIMED : t.status();
        return t.with(next, new Claim(assignee.id(), now.plus(expiry)));
    }

    /**
     * A save of a segment now in {@code segment}: the translation after it (in translation, claim renewed).
     *
     * @throws org.verso.library.DomainException when the actor may not save into it
     */
    Translation save(Translation t, Actor actor, SegmentStatus segment, Instant now) {
        if (t.status() == TranslationStatus.APPROVED) {
            throw Refusals.approved();
        }
        if (!actor.translates(t.targetLanguage())) {
            throw Refusals.languageNotYours(t.targetLanguage());
        }
        if (!t.heldBy(actor.id(), now)) {
            throw Refusals.claimRequired();
        }
        if (t.status() == TranslationStatus.IN_REVIEW) {
            if (segment != SegmentStatus.REJECTED
                    && segment != SegmentStatus.DRAFT
                    && segment != SegmentStatus.SOURCE_CHANGED) {
                throw Refusals.segmentUnderReview();
            }
            return t.with(t.status(), new Claim(actor.id(), now.plus(expiry)));
        }
        return t.with(TranslationStatus.IN_TRANSLATION, new Claim(actor.id(), now.plus(expiry)));
    }

    /** The status a segment gets from a save that asks for {@code requested} ({@code DRAFT} or {@code TRANSLATED}). */
    static SegmentStatus savedStatus(SegmentStatus requested) {
        if (requested != SegmentStatus.DRAFT && requested != SegmentStatus.TRANSLATED) {
            throw Refusals.invalid("invalid-segment-status", "A save sets a segment to draft or translated only.");
        }
        return requested;
    }

    Translation submit(Translation t, Actor actor, Progress progress, Instant now) {
        if (!t.heldBy(actor.id(), now)) {
            throw Refusals.claimRequired();
        }
        if (!t.status().atWork()) {
            throw Refusals.wrongStatus(t.status(), "be submitted");
        }
        int open = progress.total() - progress.of(SegmentStatus.TRANSLATED) - progress.of(SegmentStatus.APPROVED);
        if (open > 0) {
            throw Refusals.notAllTranslated(open);
        }
        return t.with(TranslationStatus.IN_REVIEW, t.claim());
    }

    /** Checks a review of one segment; returns the segment's status after the decision. */
    SegmentStatus review(Translation t, Actor actor, AccountId translatedBy, SegmentStatus segment, boolean approve) {
        if (t.status() != TranslationStatus.IN_REVIEW) {
            throw Refusals.wrongStatus(t.status(), "be reviewed before it is submitted");
        }
        if (actor.id().equals(translatedBy)) {
            throw Refusals.ownTranslation();
        }
        if (!actor.coordinator() && !actor.translates(t.targetLanguage())) {
            throw Refusals.notAReviewer(t.targetLanguage());
        }
        if (segment != SegmentStatus.TRANSLATED
                && segment != SegmentStatus.APPROVED
                && segment != SegmentStatus.REJECTED) {
            throw Refusals.notReviewable(segment);
        }
        return approve ? SegmentStatus.APPROVED : SegmentStatus.REJECTED;
    }

    Translation approve(Translation t, Actor actor, Progress progress) {
        if (!actor.coordinator()) {
            throw Refusals.coordinatorOnly("approve a translation");
        }
        if (t.status() == TranslationStatus.APPROVED) {
            throw Refusals.approved();
        }
        if (t.status() != TranslationStatus.IN_REVIEW) {
            throw Refusals.wrongStatus(t.status(), "be approved before it is submitted");
        }
        int open = progress.total() - progress.of(SegmentStatus.APPROVED);
        if (open > 0) {
            throw Refusals.notAllApproved(open);
        }
        return t.with(TranslationStatus.APPROVED, null);
    }

    Translation reopen(Translation t, Actor actor) {
        if (!actor.coordinator()) {
            throw Refusals.coordinatorOnly("reopen a translation");
        }
        if (t.status() != TranslationStatus.APPROVED) {
            throw Refusals.wrongStatus(t.status(), "be reopened: it is not approved");
        }
        return t.with(TranslationStatus.REOPENED, null);
    }

    private static TranslationStatus unclaimed(Translation t, boolean approvedBefore) {
        if (t.status() == TranslationStatus.IN_REVIEW) {
            return t.status();
        }
        return approvedBefore ? TranslationStatus.REOPENED : TranslationStatus.OPEN;
    }
}
