package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verso.accounts.AccountId;
import org.verso.library.ConflictException;
import org.verso.library.DocumentId;
import org.verso.library.DomainException;
import org.verso.library.ForbiddenOperationException;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/** The translation state machine's decisions, without a database. */
class WorkflowTest {
    static final LanguageTag RU = LanguageTag.of("ru");
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    final Workflow workflow = new Workflow(Duration.ofDays(7));
    final Actor anna = new Actor(AccountId.random(), false, Set.of(RU));
    final Actor boris = new Actor(AccountId.random(), false, Set.of(RU));
    final Actor german = new Actor(AccountId.random(), false, Set.of(LanguageTag.of("de")));
    final Actor coordinator = new Actor(AccountId.random(), true, Set.of());

    Translation open() {
        return new Translation(
                TranslationId.random(),
                DocumentId.random(),
                LanguageTag.of("en"),
                RU,
                TranslationStatus.OPEN,
                null,
                null,
                null,
                null,
                2,
                10,
                coordinator.id(),
                NOW);
    }

    static Progress progress(SegmentStatus status, int count) {
        return new Progress(Map.of(status, count));
    }

    @Test
    void aClaimIsExclusiveUntilItExpiresAndOnlyIntoTheTranslatorsLanguages() {
        Translation claimed = workflow.claim(open(), anna, NOW);
        assertThat(claimed.status()).isEqualTo(TranslationStatus.CLAIMED);
        assertThat(claimed.claim()).isEqualTo(new Claim(anna.id(), NOW.plus(Duration.ofDays(7))));

        assertThatThrownBy(() -> workflow.claim(claimed, boris, NOW.plus(Duration.ofDays(6))))
                .isInstanceOfSatisfying(TranslationClaimed.class, e -> {
                    assertThat(e.holder()).isEqualTo(anna.id());
                    assertThat(e.until()).isEqualTo(NOW.plus(Duration.ofDays(7)));
                });
        Translation taken = workflow.claim(claimed, boris, NOW.plus(Duration.ofDays(8)));
        assertThat(taken.claim().holder()).isEqualTo(boris.id());

        assertThatThrownBy(() -> workflow.claim(open(), german, NOW))
                .isInstanceOf(ForbiddenOperationException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("language-not-yours");
    }

    @Test
    void onlyTheHolderSavesAndEverySaveRenewsTheClaim() {
        Translation claimed = workflow.claim(open(), anna, NOW);
        Instant later = NOW.plus(Duration.ofDays(3));
        Translation saved = workflow.save(claimed, anna, SegmentStatus.NEW, later);
        assertThat(saved.status()).isEqualTo(TranslationStatus.IN_TRANSLATION);
        assertThat(saved.claim().until()).isEqualTo(later.plus(Duration.ofDays(7)));

        assertThat(code(() -> workflow.save(claimed, boris, SegmentStatus.NEW, NOW)))
                .isEqualTo("claim-required");
        assertThat(code(() -> workflow.save(claimed, german, SegmentStatus.NEW, NOW)))
                .isEqualTo("language-not-yours");
        assertThat(code(() -> workflow.save(claimed, anna, SegmentStatus.NEW, NOW.plus(Duration.ofDays(8)))))
                .isEqualTo("claim-required");
        assertThat(code(() -> Workflow.savedStatus(SegmentStatus.APPROVED))).isEqualTo("invalid-segment-status");
    }

    @Test
    void submitNeedsEverySegmentTranslatedAndReviewNeverByTheTranslator() {
        Translation working = workflow.save(workflow.claim(open(), anna, NOW), anna, SegmentStatus.NEW, NOW);
        assertThat(code(() -> workflow.submit(
                        working, anna, new Progress(Map.of(SegmentStatus.TRANSLATED, 1, SegmentStatus.DRAFT, 1)), NOW)))
                .isEqualTo("segments-not-translated");
        Translation review = workflow.submit(working, anna, progress(SegmentStatus.TRANSLATED, 2), NOW);
        assertThat(review.status()).isEqualTo(TranslationStatus.IN_REVIEW);

        assertThatThrownBy(() -> workflow.review(review, anna, anna.id(), SegmentStatus.TRANSLATED, true))
                .isInstanceOf(ForbiddenOperationException.class)
                .hasMessageContaining("translated themselves");
        assertThat(code(() -> workflow.review(review, german, anna.id(), SegmentStatus.TRANSLATED, true)))
                .isEqualTo("not-a-reviewer");
        assertThat(workflow.review(review, boris, anna.id(), SegmentStatus.TRANSLATED, false))
                .isEqualTo(SegmentStatus.REJECTED);
        assertThat(workflow.review(review, coordinator, anna.id(), SegmentStatus.TRANSLATED, true))
                .isEqualTo(SegmentStatus.APPROVED);

        assertThat(workflow.save(review, anna, SegmentStatus.REJECTED, NOW).status())
                .isEqualTo(TranslationStatus.IN_REVIEW);
        assertThat(code(() -> workflow.save(review, anna, SegmentStatus.APPROVED, NOW)))
                .isEqualTo("segment-under-review");
    }

    @Test
    void approvalNeedsACoordinatorAndEverySegmentApprovedThenNothingChangesUntilReopened() {
        Translation working = workflow.save(workflow.claim(open(), anna, NOW), anna, SegmentStatus.NEW, NOW);
        Translation review = workflow.submit(working, anna, progress(SegmentStatus.TRANSLATED, 2), NOW);
        assertThat(code(() -> workflow.approve(
                        review,
                        coordinator,
                        new Progress(Map.of(SegmentStatus.APPROVED, 1, SegmentStatus.REJECTED, 1)))))
                .isEqualTo("segments-not-approved");
        assertThat(code(() -> workflow.approve(review, boris, progress(SegmentStatus.APPROVED, 2))))
                .isEqualTo("coordinator-only");
        Translation approved = workflow.approve(review, coordinator, progress(SegmentStatus.APPROVED, 2));
        assertThat(approved.status()).isEqualTo(TranslationStatus.APPROVED);
        assertThat(approved.claim()).isNull();

        assertThatThrownBy(() -> workflow.save(approved, anna, SegmentStatus.APPROVED, NOW))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("translation-approved");
        assertThat(code(() -> workflow.claim(approved, anna, NOW))).isEqualTo("translation-approved");

        Translation reopened = workflow.reopen(approved, coordinator);
        assertThat(reopened.status()).isEqualTo(TranslationStatus.REOPENED);
        assertThat(workflow.claim(reopened, boris, NOW).status()).isEqualTo(TranslationStatus.CLAIMED);
    }

    @Test
    void aCoordinatorReassignsOrRevokesButOnlyToATranslatorOfTheLanguage() {
        Translation claimed = workflow.claim(open(), anna, NOW);
        Translation reassigned = workflow.assign(claimed, coordinator, boris, NOW, false);
        assertThat(reassigned.claim().holder()).isEqualTo(boris.id());
        Translation revoked = workflow.assign(reassigned, coordinator, null, NOW, false);
        assertThat(revoked.claim()).isNull();
        assertThat(revoked.status()).isEqualTo(TranslationStatus.OPEN);
        assertThat(code(() -> workflow.assign(claimed, coordinator, german, NOW, false)))
                .isEqualTo("assignee-language");
        assertThat(code(() -> workflow.assign(claimed, anna, boris, NOW, false)))
                .isEqualTo("coordinator-only");
        assertThat(code(() -> workflow.release(claimed, boris, false))).isEqualTo("coordinator-only");
        assertThat(workflow.release(claimed, anna, true).status()).isEqualTo(TranslationStatus.REOPENED);
    }

    @Test
    void aTargetCarriesExactlyTheSourcesCodes() {
        TargetCodes.check("A <g id=\"1\">b</g> <x id=\"2\"/>.", "<x id=\"2\"/> Б <g id=\"1\">в</g>.");
        assertThatThrownBy(() -> TargetCodes.check("A <g id=\"1\">b</g>.", "Б в."))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing [start 1, end 1]");
        assertThatThrownBy(() -> TargetCodes.check("A.", "Б <x id=\"7\"/>."))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("segment-codes");
        assertThatThrownBy(() -> TargetCodes.check("A <x id=\"1\"/>.", "Б <x id=\"1\"/><x id=\"1\"/>."))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDraftMayLackCodesNotYetPlacedButNeverCarriesOneTheSourceLacks() {
        TargetCodes.check("A <g id=\"1\">b</g> <x id=\"2\"/>.", "Б в", false);
        TargetCodes.check("A <g id=\"1\">b</g> <x id=\"2\"/>.", "Б <x id=\"2\"/> в", false);
        assertThatThrownBy(() -> TargetCodes.check("A.", "Б <x id=\"7\"/>.", false))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("segment-codes");
        assertThatThrownBy(() -> TargetCodes.check("A <x id=\"1\"/>.", "Б <x id=\"1\"/><x id=\"1\"/>.", false))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSegmentWhoseSourceChangedCanBeConfirmedWhileInReviewButNotSubmittedOrReviewedBeforeThat() {
        Translation working = workflow.save(workflow.claim(open(), anna, NOW), anna, SegmentStatus.NEW, NOW);
        Translation review = workflow.submit(working, anna, progress(SegmentStatus.TRANSLATED, 2), NOW);

        assertThat(workflow.save(review, anna, SegmentStatus.SOURCE_CHANGED, NOW)
                        .status())
                .isEqualTo(TranslationStatus.IN_REVIEW);
        assertThat(code(() -> workflow.review(review, boris, anna.id(), SegmentStatus.SOURCE_CHANGED, true)))
                .isEqualTo("segment-not-reviewable");
        assertThat(code(() -> workflow.submit(
                        working,
                        anna,
                        new Progress(Map.of(SegmentStatus.TRANSLATED, 1, SegmentStatus.SOURCE_CHANGED, 1)),
                        NOW)))
                .isEqualTo("segments-not-translated");
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("no refusal");
    }
}
