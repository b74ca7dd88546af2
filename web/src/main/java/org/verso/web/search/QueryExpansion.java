package org.verso.web.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.verso.glossary.Glossary;
import org.verso.search.AlignedTerm;
import org.verso.search.Concordance;

/**
 * Search across languages through the organisation's own glossary and memory: a query of plain words is searched
 * together with the approved translations of its terms ({@code torture} also searches {@code "пытки"}), and the other
 * way round — the glossary's first, then the words the translation memory consistently translates the query with
 * ({@link Concordance#alignments}: the whole query, else each of its words).
 * Queries that use the query language (quotes, fields, operators, wildcards, parentheses) are searched as typed. The
 * search module knows nothing of it: web rewrites the text (the query language's default operator is OR) and shows
 * what it added; the user can switch it off ({@code expand=false}).
 */
@Component
class QueryExpansion {
    private static final int MAX_TERMS = 5;
    private static final Pattern SYNTAX = Pattern.compile("[\"():*?~^\\[\\]{}+\\-!\\\\/]|\\b(AND|OR|NOT)\\b|&&|\\|\\|");

    private static final int MAX_WORDS_ALIGNED = 4;

    private final Glossary glossary;
    private final Concordance memory;

    QueryExpansion(Glossary glossary, Concordance memory) {
        this.glossary = glossary;
        this.memory = memory;
    }

    /** The text to search and the terms it added (none when switched off, blank or written in the query language). */
    record Expanded(String text, List<String> alsoSearched) {}

    Expanded expand(String q, boolean on) {
        if (!on || q == null || q.isBlank() || SYNTAX.matcher(q).find()) {
            return new Expanded(q, List.of());
        }
        List<String> terms = terms(q.strip());
        if (terms.isEmpty()) {
            return new Expanded(q, List.of());
        }
        StringBuilder text = new StringBuilder(q.strip());
        for (String term : terms) {
            text.append(" \"").append(term.replace("\"", "").replace("\\", "")).append('"');
        }
        return new Expanded(text.toString(), terms);
    }

    private List<String> terms(String q) {
        Set<String> seen = new HashSet<>();
        List<String> words = List.of(q.toLowerCase(Locale.ROOT).split("\\s+"));
        seen.addAll(words);
        List<String> terms = new ArrayList<>();
        for (String term : glossary.equivalents(q, MAX_TERMS)) {
            if (seen.add(term.toLowerCase(Locale.ROOT))) {
                terms.add(term);
            }
        }
        List<AlignedTerm> aligned = memory.alignments(q, MAX_TERMS);
        if (aligned.isEmpty() && words.size() > 1 && words.size() <= MAX_WORDS_ALIGNED) {
            aligned = words.stream()
                    .flatMap(word -> memory.alignments(word, 1).stream())
                    .toList();
        }
        for (AlignedTerm term : aligned) {
            if (terms.size() < MAX_TERMS && seen.add(term.term().toLowerCase(Locale.ROOT))) {
                terms.add(term.term());
            }
        }
        return terms;
    }
}
