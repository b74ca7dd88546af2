package org.verso.web.translation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.verso.translation.QualityIssue;
import org.verso.translation.SegmentIssues;
import org.verso.web.translation.WorkViews.Names;
import org.verso.web.translation.WorkViews.Person;

/** The JSON of quality issues: each with its check, severity, a message in the user's language and its acceptance. */
final class IssueViews {
    private IssueViews() {}

    /**
     * @param check the check's stable code ({@code numbers-differ}, …)
     * @param severity {@code error} or {@code warning}
     * @param details what the check saw (codes, numbers with {@code -} missing / {@code +} extra, the term, …)
     * @param accepted the acceptance of a warning, or null while it is open
     */
    record IssueView(String check, String severity, String message, List<String> details, AcceptedView accepted) {}

    record AcceptedView(String reason, Person by, Instant at) {}

    record SegmentIssuesView(String id, String fileName, int index, List<IssueView> issues) {}

    static List<IssueView> of(List<QualityIssue> issues, Names names, MessageSource messages, Locale locale) {
        return issues == null
                ? List.of()
                : issues.stream().map(i -> of(i, names, messages, locale)).toList();
    }

    static List<SegmentIssuesView> segments(
            List<SegmentIssues> segments, Names names, MessageSource messages, Locale locale) {
        return segments.stream()
                .map(s -> new SegmentIssuesView(
                        s.segment().toString(), s.fileName(), s.index(), of(s.issues(), names, messages, locale)))
                .toList();
    }

    static IssueView of(QualityIssue issue, Names names, MessageSource messages, Locale locale) {
        List<String> d = issue.details();
        Object[] args = issue.check().equals("numbers-differ")
                ? new Object[] {numbers(d, "-"), numbers(d, "+")}
                : new Object[] {String.join(", ", d), d.isEmpty() ? "" : d.get(0), d.size() < 2 ? "" : d.get(1)};
        String message = messages.getMessage("quality." + issue.check(), args, issue.check(), locale);
        QualityIssue.Acceptance a = issue.acceptance();
        return new IssueView(
                issue.check(),
                issue.severity().name().toLowerCase(Locale.ROOT),
                message,
                d,
                a == null ? null : new AcceptedView(a.reason(), names.person(a.by()), a.at()));
    }

    private static String numbers(List<String> details, String sign) {
        List<String> found = details.stream()
                .filter(n -> n.startsWith(sign))
                .map(n -> n.substring(1))
                .toList();
        return found.isEmpty() ? "—" : String.join(", ", found);
    }
}
