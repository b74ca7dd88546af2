package org.verso.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verso.library.LanguageTag;
import org.verso.translation.internal.InlineMarkup;

/**
 * The quality checks of one segment's target against its source, each with its stable code:
 *
 * <ul>
 *   <li>errors (they block submit and approval): {@code codes-missing}, {@code codes-extra}, {@code codes-reordered}
 *       ({@link CodeCheck}), {@code numbers-differ} (read per language, {@link NumberTokens}), {@code target-empty};
 *   <li>warnings (a translator may accept them with a reason): {@code same-as-source}, {@code whitespace-edges},
 *       {@code double-space}, {@code end-punctuation}, {@code unbalanced} ({@link TextCheck}), {@code term-missing}
 *       and {@code term-forbidden} (the glossary's terms, when there is a glossary).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class QualityChecks {
    private QualityChecks() {}

    /**
     * @param source the source in Verso's inline markup
     * @param target the target in the same markup
     * @param terms the glossary's terms found in the source (empty without a glossary)
     * @return the issues found, errors first; empty when the target is fine
     */
    public static List<QualityIssue> check(
            String source,
            String target,
            LanguageTag sourceLanguage,
            LanguageTag targetLanguage,
            List<TermRule> terms) {
        List<QualityIssue> issues = new ArrayList<>();
        String sourceText = InlineMarkup.plainText(source);
        String targetText = InlineMarkup.plainText(target);
        if (targetText.isBlank()) {
            issues.add(QualityIssue.error("target-empty", List.of()));
            return issues;
        }
        CodeCheck.check(source, target, issues);
        numbers(sourceText, targetText, sourceLanguage, targetLanguage, issues);
        if (sourceText.strip().equals(targetText.strip())
                && sourceText.codePoints().anyMatch(Character::isLetter)) {
            issues.add(QualityIssue.warning("same-as-source", List.of()));
        }
        TextCheck.edges(sourceText, targetText, issues);
        TextCheck.doubleSpaces(texts(source), texts(target), issues);
        TextCheck.endPunctuation(sourceText, targetText, issues);
        TextCheck.balance(sourceText, targetText, issues);
        terms(terms, targetText, issues);
        return issues;
    }

    private static void numbers(
            String source,
            String target,
            LanguageTag sourceLanguage,
            LanguageTag targetLanguage,
            List<QualityIssue> issues) {
        Map<String, Integer> counts = new TreeMap<>();
        NumberTokens.of(source, sourceLanguage).forEach(n -> counts.merge(n, 1, Integer::sum));
        NumberTokens.of(target, targetLanguage).forEach(n -> counts.merge(n, -1, Integer::sum));
        List<String> details = new ArrayList<>();
        counts.forEach((number, balance) -> {
            if (balance > 0) {
                details.add("-" + number);
            } else if (balance < 0) {
                details.add("+" + number);
            }
        });
        if (!details.isEmpty()) {
            issues.add(QualityIssue.error("numbers-differ", details));
        }
    }

    private static void terms(List<TermRule> terms, String targetText, List<QualityIssue> issues) {
        List<String> words = TermMatch.words(targetText);
        for (TermRule term : terms) {
            boolean used = term.targets().isEmpty()
                    || term.targets().stream().anyMatch(t -> TermMatch.occursIn(words, TermMatch.words(t)));
            if (!used) {
                issues.add(QualityIssue.warning(
                        "term-missing", List.of(term.source(), String.join(" / ", term.targets()))));
            }
            for (String variant : term.forbidden()) {
                if (TermMatch.occursExactly(words, TermMatch.words(variant))) {
                    issues.add(QualityIssue.warning("term-forbidden", List.of(variant, term.source())));
                }
            }
        }
    }

    private static List<String> texts(String markup) {
        return InlineMarkup.pieces(markup).stream()
                .filter(p -> p.kind().equals("TEXT"))
                .map(InlineMarkup.Piece::text)
                .toList();
    }
}
