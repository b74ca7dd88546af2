package org.verso.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verso.accounts.AccountId;
import org.verso.translation.QualityIssue.Acceptance;
import org.verso.translation.internal.InlineMarkup;

/**
 * Runs the quality checks over a translation's segments with the glossary (if any), and keeps the warnings accepted:
 * an acceptance holds for the target text it was given for. Segments never saved (new, empty) have no issues yet.
 * Thread-safe.
 */
final class SegmentQuality {
    private final JdbcClient db;
    private final GlossaryTerms glossary;

    /** @param glossary the glossary's terms, or null without a glossary (its checks are then absent) */
    SegmentQuality(JdbcClient db, GlossaryTerms glossary) {
        this.db = Objects.requireNonNull(db, "db");
        this.glossary = glossary;
    }

    /** The issues of each segment, accepted warnings marked; a segment without issues maps to an empty list. */
    Map<SegmentId, List<QualityIssue>> issues(Translation t, List<TargetSegment> segments) {
        Map<SegmentId, List<QualityIssue>> found = new LinkedHashMap<>();
        Map<String, Acceptance> accepted = accepted(t.id(), segments);
        for (TargetSegment s : segments) {
            List<QualityIssue> issues = new ArrayList<>();
            for (QualityIssue issue : check(t, s)) {
                Acceptance a = issue.severity() == IssueSeverity.WARNING
                        ? accepted.get(key(s.id(), issue.check(), sha256(s.target())))
                        : null;
                issues.add(a == null ? issue : issue.accepted(a));
            }
            found.put(s.id(), issues);
        }
        return found;
    }

    List<QualityIssue> check(Translation t, TargetSegment s) {
        return check(t, s, true);
    }

    /** @param withTerms whether to ask the glossary (its checks only warn: the gate of errors does without) */
    private List<QualityIssue> check(Translation t, TargetSegment s, boolean withTerms) {
        if (s.version() == 0 && s.target().isEmpty()) {
            return List.of();
        }
        List<TermRule> terms = !withTerms || glossary == null || t.sourceLanguage() == null
                ? List.of()
                : glossary.termsIn(InlineMarkup.plainText(s.source()), t.sourceLanguage(), t.targetLanguage());
        return QualityChecks.check(s.source(), s.target(), t.sourceLanguage(), t.targetLanguage(), terms);
    }

    /** The segments with errors, each with its errors only; refuses with {@link QualityErrors} when there are any. */
    void requireNoErrors(Translation t, List<TargetSegment> segments) {
        List<SegmentIssues> errors = new ArrayList<>();
        for (TargetSegment s : segments) {
            List<QualityIssue> own = check(t, s, false).stream()
                    .filter(i -> i.severity() == IssueSeverity.ERROR)
                    .toList();
            if (!own.isEmpty()) {
                errors.add(new SegmentIssues(s.id(), s.fileName(), s.index(), own));
            }
        }
        if (!errors.isEmpty()) {
            throw new QualityErrors(errors);
        }
    }

    void accept(TranslationId id, TargetSegment s, String check, String reason, AccountId by, Instant at) {
        db.sql("DELETE FROM translation_quality_acceptance WHERE translation_id = ? AND segment_id = ?"
                        + " AND check_code = ?")
                .params(id.value(), s.id().value(), check)
                .update();
        db.sql("INSERT INTO translation_quality_acceptance (translation_id, segment_id, check_code, target_sha256,"
                        + " reason, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id.value(), s.id().value(), check, sha256(s.target()), reason, by.value(), Timestamp.from(at))
                .update();
    }

    private Map<String, Acceptance> accepted(TranslationId id, List<TargetSegment> segments) {
        Map<String, Acceptance> accepted = new HashMap<>();
        if (segments.isEmpty()) {
            return accepted;
        }
        var wanted = new HashSet<UUID>();
        segments.forEach(s -> wanted.add(s.id().value()));
        db.sql("SELECT segment_id, check_code, target_sha256, reason, accepted_by, accepted_at"
                        + " FROM translation_quality_acceptance WHERE translation_id = ?")
                .param(id.value())
                .query(rs -> {
                    UUID segment = rs.getObject(1, UUID.class);
                    if (wanted.contains(segment)) {
                        accepted.put(
                                key(new SegmentId(segment), rs.getString(2), rs.getString(3)),
                                new Acceptance(
                                        rs.getString(4),
                                        new AccountId(rs.getObject(5, UUID.class)),
                                        rs.getTimestamp(6).toInstant()));
                    }
                });
        return accepted;
    }

    private static String key(SegmentId segment, String check, String sha256) {
        return segment.value() + " " + check + " " + sha256;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
