package org.verso.web.translation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.verso.accounts.Accounts;
import org.verso.library.Documents;
import org.verso.library.InvalidInputException;
import org.verso.translation.QualityReview;
import org.verso.translation.SegmentId;
import org.verso.translation.TranslationId;
import org.verso.web.translation.IssueViews.IssueView;
import org.verso.web.translation.IssueViews.SegmentIssuesView;
import org.verso.web.translation.WorkViews.Items;
import org.verso.web.translation.WorkViews.Names;

/**
 * The quality issues of a translation over the API: every segment with open issues (the reviewer's list), and
 * accepting a warning with a reason. The issues of each segment also come inside the segment answers.
 */
@RestController
@RequestMapping("/api/translations/{id}")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class QualityApiController {
    private final QualityReview quality;
    private final Accounts accounts;
    private final Documents documents;
    private final MessageSource messages;

    QualityApiController(QualityReview quality, Accounts accounts, Documents documents, MessageSource messages) {
        this.quality = quality;
        this.accounts = accounts;
        this.documents = documents;
        this.messages = messages;
    }

    record AcceptBody(String reason) {}

    @GetMapping("/issues")
    @Operation(summary = "Every segment with quality issues nobody accepted, in document order")
    Items<SegmentIssuesView> open(@PathVariable String id) {
        return new Items<>(IssueViews.segments(
                quality.open(translationId(id)),
                new Names(accounts, documents),
                messages,
                LocaleContextHolder.getLocale()));
    }

    @PostMapping("/segments/{segmentId}/issues/{check}/accept")
    @Operation(
            summary = "Accept a warning of a segment's target with a reason the reviewer sees (the holder or a"
                    + " coordinator); errors cannot be accepted (409 issue-is-error)")
    Items<IssueView> accept(
            @PathVariable String id,
            @PathVariable String segmentId,
            @PathVariable String check,
            @RequestBody AcceptBody body,
            @AuthenticationPrincipal org.verso.web.security.VersoPrincipal user) {
        return new Items<>(IssueViews.of(
                quality.accept(translationId(id), SegmentId.parse(segmentId), check, body.reason(), user.id()),
                new Names(accounts, documents),
                messages,
                LocaleContextHolder.getLocale()));
    }

    private static TranslationId translationId(String text) {
        try {
            return new TranslationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-translation-id", "not a translation id: " + text);
        }
    }
}
