package org.verso.translation;

import org.verso.library.ConflictException;
import org.verso.library.ForbiddenOperationException;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.NotFoundException;

/** The refusals of the translation workflow, each with its stable code. */
final class Refusals {
    private Refusals() {}

    static NotFoundException translationNotFound(Object id) {
        return new NotFoundException("translation-not-found", "There is no translation " + id + ".");
    }

    static NotFoundException segmentNotFound(Object id) {
        return new NotFoundException("segment-not-found", "The translation has no segment " + id + ".");
    }

    static NotFoundException revisionNotFound(Object id) {
        return new NotFoundException("revision-not-found", "The translation has no revision " + id + ".");
    }

    static ForbiddenOperationException languageNotYours(LanguageTag language) {
        return new ForbiddenOperationException(
                "language-not-yours", "You do not translate into " + language + ": an administrator can add it.");
    }

    static ForbiddenOperationException coordinatorOnly(String what) {
        return new ForbiddenOperationException("coordinator-only", "Only a coordinator may " + what + ".");
    }

    static ForbiddenOperationException ownTranslation() {
        return new ForbiddenOperationException(
                "own-translation", "Nobody reviews a segment they translated themselves.");
    }

    static ForbiddenOperationException notAReviewer(LanguageTag language) {
        return new ForbiddenOperationException(
                "not-a-reviewer", "Only a coordinator or a translator into " + language + " may review.");
    }

    static ConflictException claimRequired() {
        return new ConflictException("claim-required", "Claim the translation before saving into it.");
    }

    static ConflictException approved() {
        return new ConflictException(
                "translation-approved", "The translation is approved and cannot change; a coordinator can reopen it.");
    }

    static ConflictException wrongStatus(TranslationStatus status, String what) {
        return new ConflictException(
                "translation-status", "A translation that is " + status.name().toLowerCase() + " cannot " + what + ".");
    }

    static ConflictException segmentUnderReview() {
        return new ConflictException(
                "segment-under-review", "While in review only the segments a reviewer rejected can be edited.");
    }

    static ConflictException notAllTranslated(int open) {
        return new ConflictException(
                "segments-not-translated", open + " segments are not translated yet; translate them, then submit.");
    }

    static ConflictException notAllApproved(int open) {
        return new ConflictException(
                "segments-not-approved", open + " segments are not approved yet; review them, then approve.");
    }

    static ConflictException notReviewable(SegmentStatus status) {
        return new ConflictException(
                "segment-not-reviewable",
                "A segment that is " + status.name().toLowerCase() + " cannot be reviewed; it is not translated.");
    }

    static ConflictException exists(LanguageTag language) {
        return new ConflictException(
                "translation-exists", "The document already has a translation into " + language + ".");
    }

    static ConflictException noSegments() {
        return new ConflictException("document-not-segmented", "The document has no segments to translate (yet).");
    }

    static InvalidInputException futureVersion(int given, int current) {
        return new InvalidInputException(
                "version-from-future",
                "The save carries version " + given + " but the segment is only at version " + current + ".");
    }

    static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException(code, message);
    }
}
