package org.verso.library;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The rules every document field follows, shared by the records that carry them. */
final class DocumentFields {
    static final int MAX_TITLE = 500;
    static final int MAX_ISSUING_BODY = 300;
    static final int MAX_TAG = 60;
    static final int MAX_TAGS = 50;
    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 2999;

    private DocumentFields() {}

    static String title(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw invalid("title", "a title is required");
        }
        if (t.length() > MAX_TITLE) {
            throw invalid("title", "at most " + MAX_TITLE + " characters");
        }
        return t;
    }

    /** Blank becomes {@code null}. */
    static String issuingBody(String body) {
        String b = blankToNull(body);
        if (b != null && b.length() > MAX_ISSUING_BODY) {
            throw invalid("issuingBody", "at most " + MAX_ISSUING_BODY + " characters");
        }
        return b;
    }

    /** A language in its canonical form ({@link LanguageTag}); blank becomes {@code null}. */
    static String language(String field, String language) {
        try {
            return LanguageTag.canonicalOrNull(language);
        } catch (LanguageTag.InvalidLanguageTag e) {
            throw invalid(field, "not a language tag such as ru or en: " + language);
        }
    }

    static Integer year(Integer year) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw invalid("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR + ", not " + year);
        }
        return year;
    }

    /** Tags are trimmed, lower-cased and de-duplicated; blank ones are dropped. */
    static Set<String> tags(Collection<String> tags) {
        if (tags == null) {
            return Set.of();
        }
        TreeSet<String> clean = new TreeSet<>();
        for (String tag : tags) {
            String t = blankToNull(tag);
            if (t == null) {
                continue;
            }
            t = t.toLowerCase(Locale.ROOT);
            if (t.length() > MAX_TAG || t.chars().anyMatch(Character::isISOControl)) {
                throw invalid("tags", "a tag has at most " + MAX_TAG + " characters and no control characters");
            }
            clean.add(t);
        }
        if (clean.size() > MAX_TAGS) {
            throw invalid("tags", "at most " + MAX_TAGS + " tags");
        }
        return java.util.Collections.unmodifiableSortedSet(clean);
    }

    static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    static InvalidInputException invalid(String field, String why) {
        return new InvalidInputException("invalid-document", field + ": " + why);
    }
}
