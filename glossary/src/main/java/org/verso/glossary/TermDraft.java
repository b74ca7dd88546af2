package org.verso.glossary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.translation.TermMatch;

/**
 * A term as someone writes it, validated: both languages, different; both terms with at least one letter or digit,
 * at most 500 characters; part of speech at most 40, note at most 2000; forbidden variants (each at most 500, at
 * most 20, none equal to the target term) trimmed and without duplicates.
 *
 * @throws InvalidInputException {@code invalid-term} naming what is wrong
 */
public record TermDraft(
        LanguageTag sourceLanguage,
        LanguageTag targetLanguage,
        String sourceTerm,
        String targetTerm,
        String partOfSpeech,
        String note,
        List<String> forbidden) {
    static final int MAX_TERM = 500;

    public TermDraft {
        if (sourceLanguage == null || targetLanguage == null) {
            throw invalid("A term needs its source and its target language.");
        }
        if (sourceLanguage.equals(targetLanguage)) {
            throw invalid("The source and the target language are the same: " + sourceLanguage + ".");
        }
        sourceTerm = term(sourceTerm, "source term");
        targetTerm = term(targetTerm, "target term");
        partOfSpeech = optional(partOfSpeech, 40, "part of speech");
        note = optional(note, 2000, "note");
        LinkedHashSet<String> variants = new LinkedHashSet<>();
        for (String variant : forbidden == null ? List.<String>of() : forbidden) {
            if (variant != null && !variant.isBlank()) {
                String v = term(variant, "forbidden variant");
                if (key(v).equals(key(targetTerm))) {
                    throw invalid("The forbidden variant \"" + v + "\" is the target term itself.");
                }
                variants.add(v);
            }
        }
        if (variants.size() > 20) {
            throw invalid("A term has at most 20 forbidden variants.");
        }
        forbidden = List.copyOf(new ArrayList<>(variants));
    }

    /** A term's key: its words case-folded, joined by one space (what makes two terms the same). */
    static String key(String term) {
        return String.join(" ", TermMatch.words(term));
    }

    private static String term(String text, String what) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (TermMatch.words(t).isEmpty()) {
            throw invalid("The " + what + " is empty (it needs a letter or a digit).");
        }
        if (t.length() > MAX_TERM) {
            throw invalid("The " + what + " is longer than " + MAX_TERM + " characters.");
        }
        return t;
    }

    private static String optional(String text, int max, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw invalid("The " + what + " is longer than " + max + " characters.");
        }
        return t;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid-term", message);
    }
}
