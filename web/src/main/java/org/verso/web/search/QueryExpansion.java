package org.verso.web.search;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.verso.glossary.Glossary;

/**
 * Search across languages through the organisation's own glossary: a query of plain words is searched together with
 * the approved translations of its terms ({@code torture} also searches {@code "пытки"}), and the other way round.
 * Queries that use the query language (quotes, fields, operators, wildcards, parentheses) are searched as typed. The
 * search module knows nothing of it: web rewrites the text (the query language's default operator is OR) and shows
 * what it added; the user can switch it off ({@code expand=false}).
 */
@Component
class QueryExpansion {
    private static final int MAX_TERMS = 5;
    private static final Pattern SYNTAX = Pattern.compile("[\"():*?~^\\[\\]{}+\\-!\\\\/]|\\b(AND|OR|NOT)\\b|&&|\\|\\|");

    private final Glossary glossary;

    QueryExpansion(Glossary glossary) {
        this.glossary = glossary;
    }

    /** The text to search and the terms it added (none when switched off, blank or written in the query language). */
    record Expanded(String text, List<String> alsoSearched) {}

    Expanded expand(String q, boolean on) {
        if (!on || q == null || q.isBlank() || SYNTAX.matcher(q).find()) {
            return new Expanded(q, List.of());
        }
        List<String> terms = glossary.equivalents(q, MAX_TERMS);
        if (terms.isEmpty()) {
            return new Expanded(q, List.of());
        }
        StringBuilder text = new StringBuilder(q.strip());
        for (String term : terms) {
            text.append(" \"").append(term.replace("\"", "").replace("\\", "")).append('"');
        }
        return new Expanded(text.toString(), terms);
    }
}
