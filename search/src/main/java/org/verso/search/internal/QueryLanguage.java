package org.verso.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.verso.search.InvalidQueryException;
import org.verso.search.TranslationStatus;

/**
 * Parses the query language people type: words, "phrases" (with ~slop), AND / OR / NOT (and + / -), parentheses,
 * fields ({@code title:}, {@code text:}, {@code lang:}, {@code kind:}, {@code body:}, {@code status:}, {@code year:}
 * with ranges, {@code tag:}), prefix*, wildcards and fuzzy~. Lower-case and/or/not are ordinary words; the default
 * operator is OR and ranking sorts it out.
 *
 * <p>A word or phrase without a field is searched in every language it could be in: each candidate language's
 * stemmed text and title field, analysed with that language's analyzer, plus the language-neutral fields (whole word
 * forms, any language), as one disjunction per word. Prefixes, wildcards and fuzzy terms run on the neutral fields,
 * where words are whole.
 *
 * <p>Not thread-safe (the parser keeps state): one instance per parse.
 */
final class QueryLanguage extends QueryParser {
    /** The virtual field of words without a field. */
    private static final String ALL = "_all";

    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");
    private static final float TIE_BREAKER = 0.1f;

    private final String original;
    private final int[] positions;

    private QueryLanguage(Analyzer analyzer, String original, int[] positions) {
        super(ALL, analyzer);
        this.original = original;
        this.positions = positions;
        setDefaultOperator(OR_OPERATOR);
        setAllowLeadingWildcard(false);
        setSplitOnWhitespace(true);
    }

    /**
     * Parses a query text. Never returns null: an empty text matches everything, a text of stop words only nothing.
     *
     * @throws InvalidQueryException saying what is wrong and at which position of {@code text}
     */
    static Query parse(String text, Analyzer analyzer) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        checkBalance(text);
        // '/' starts a regular expression in Lucene's syntax; nobody means that when typing "CAT/OPCAT"
        StringBuilder escaped = new StringBuilder();
        int[] positions = new int[text.length() * 2 + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                positions[escaped.length()] = i;
                escaped.append('\\');
            }
            positions[escaped.length()] = i;
            escaped.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        positions[escaped.length()] = text.length();
        QueryLanguage parser = new QueryLanguage(analyzer, text, positions);
        try {
            Query query = parser.parse(escaped.toString());
            return query == null ? new org.apache.lucene.search.MatchNoDocsQuery("only stop words") : query;
        } catch (ParseException e) {
            throw parser.explain(e);
        }
    }

    /** Unbalanced quotes and parentheses, found before the parser reports them less clearly. */
    private static void checkBalance(String text) {
        int openQuote = -1;
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                openQuote = openQuote < 0 ? i : -1;
            } else if (openQuote < 0 && c == '(') {
                open.add(i);
            } else if (openQuote < 0 && c == ')') {
                if (open.isEmpty()) {
                    throw new InvalidQueryException("')' closes a parenthesis that was never opened", i + 1);
                }
                open.remove(open.size() - 1);
            }
        }
        if (openQuote >= 0) {
            throw new InvalidQueryException("the quotation mark is never closed", openQuote + 1);
        }
        if (!open.isEmpty()) {
            throw new InvalidQueryException("'(' is never closed", open.get(open.size() - 1) + 1);
        }
    }

    private InvalidQueryException explain(ParseException wrapper) {
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        if (cause instanceof InvalidQueryException invalid) {
            return invalid;
        }
        if (cause instanceof ParseException e && e.currentToken != null && e.currentToken.next != null) {
            var next = e.currentToken.next;
            int position = position(next.beginColumn);
            if (next.kind == 0) {
                String after = e.currentToken.image;
                return new InvalidQueryException(
                        "the query ends too early"
                                + (after == null || after.isEmpty() ? "" : " after '" + after + "'")
                                + ": a word or phrase is missing",
                        original.length());
            }
            return new InvalidQueryException("'" + next.image + "' is not expected here", position);
        }
        if (cause instanceof TokenMgrError lexical) {
            Matcher column = LEXICAL_COLUMN.matcher(String.valueOf(lexical.getMessage()));
            int position = column.find() ? position(Integer.parseInt(column.group(1))) : 0;
            return new InvalidQueryException("a character here cannot be read (escape it with \\)", position);
        }
        return new InvalidQueryException("the query cannot be read: " + cause.getMessage(), 0);
    }

    /** Maps a column of the escaped text (0-based, as the parser counts) to a 1-based position in the text typed. */
    private int position(int column) {
        int index = Math.max(0, Math.min(column, positions.length - 1));
        return Math.min(positions[index], original.length() - 1) + 1;
    }

    private int positionOf(String fragment) {
        int at = original.toLowerCase(Locale.ROOT).indexOf(fragment.toLowerCase(Locale.ROOT));
        return at < 0 ? 0 : at + 1;
    }

    // ---- words and phrases

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (isIndexField(field)) {
            return super.getFieldQuery(field, queryText, quoted); // one of our expansions, through the slop variant
        }
        return switch (kindOf(field)) {
            case TEXT -> expand(field, queryText, f -> super.getFieldQuery(f, queryText, quoted));
            case KEYWORD -> keyword(field, queryText);
            case BODY -> super.getFieldQuery(Fields.BODY_TEXT, queryText, quoted);
        };
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (kindOf(field) == FieldKind.TEXT) {
            return expand(field, queryText, f -> super.getFieldQuery(f, queryText, slop));
        }
        return getFieldQuery(field, queryText, true);
    }

    private interface FieldQuery {
        Query on(String field) throws ParseException;
    }

    /**
     * One disjunction over the fields a text field name stands for, each analysed by its own analyzer. The neutral
     * fields are always part of it, stop words included: a language's stop word can be another's key word (German
     * drops «würde», and with it «Würde», dignity), and the neutral field is then the only way to find it.
     */
    private Query expand(String field, String queryText, FieldQuery query) throws ParseException {
        Set<String> languages = Languages.candidates(queryText);
        List<Query> disjuncts = new ArrayList<>();
        boolean text = !"title".equals(canonical(field));
        boolean title = !"text".equals(canonical(field));
        boolean titleOnly = !text;
        for (String language : languages) {
            if (text) {
                add(disjuncts, query.on(Fields.text(language)), 1.0f);
            }
            if (titleOnly) { // stemmed titles only for title:, the neutral title field weighs titles otherwise
                add(disjuncts, query.on(Fields.title(language)), 2.0f);
            }
        }
        if (text) {
            add(disjuncts, query.on(Fields.TEXT_ANY), 0.8f);
        }
        if (title) {
            add(disjuncts, query.on(Fields.TITLE_ANY), 2.0f);
        }
        if (ALL.equals(field)) {
            add(disjuncts, query.on(Fields.META), 0.5f);
        }
        return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    private static void add(List<Query> disjuncts, Query query, float boost) {
        if (query != null) {
            disjuncts.add(boost == 1.0f ? query : new BoostQuery(query, boost));
        }
    }

    // ---- prefix*, wild?card, fuzzy~: on whole word forms

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return switch (kindOf(field)) {
            case TEXT -> neutral(field, f -> super.getPrefixQuery(f, termStr));
            case BODY -> super.getPrefixQuery(Fields.BODY_TEXT, termStr);
            case KEYWORD -> new PrefixQuery(new Term(keywordField(field), termStr.toLowerCase(Locale.ROOT)));
        };
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (termStr.startsWith("*") || termStr.startsWith("?")) {
            throw new InvalidQueryException(
                    "a word cannot start with * or ? (it would have to read every word of the index)",
                    positionOf(termStr));
        }
        return switch (kindOf(field)) {
            case TEXT -> neutral(field, f -> super.getWildcardQuery(f, termStr));
            case BODY -> super.getWildcardQuery(Fields.BODY_TEXT, termStr);
            case KEYWORD -> new WildcardQuery(new Term(keywordField(field), termStr.toLowerCase(Locale.ROOT)));
        };
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return switch (kindOf(field)) {
            case TEXT -> neutral(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
            case BODY -> super.getFuzzyQuery(Fields.BODY_TEXT, termStr, minSimilarity);
            case KEYWORD -> keyword(field, termStr);
        };
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) {
        throw new InvalidQueryException("regular expressions are not supported", positionOf("/" + termStr));
    }

    private Query neutral(String field, FieldQuery query) throws ParseException {
        List<Query> disjuncts = new ArrayList<>();
        String canonical = canonical(field);
        if (!"title".equals(canonical)) {
            add(disjuncts, query.on(Fields.TEXT_ANY), 1.0f);
        }
        if (!"text".equals(canonical)) {
            add(disjuncts, query.on(Fields.TITLE_ANY), 2.0f);
        }
        if (ALL.equals(field)) {
            add(disjuncts, query.on(Fields.META), 0.5f);
        }
        return new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    // ---- ranges: year only

    @Override
    protected Query getRangeQuery(
            String field, String part1, String part2, boolean startInclusive, boolean endInclusive) {
        if (!"year".equals(canonical(field))) {
            throw new InvalidQueryException(
                    "ranges work on year: only, not on " + field + ":", positionOf(field + ":"));
        }
        // the parser hands an open end ("*") over as null; bounds are worked out in long so that an exclusive end at
        // the edge of int cannot wrap around
        long from = open(part1) ? Integer.MIN_VALUE : year(part1) + (startInclusive ? 0L : 1L);
        long to = open(part2) ? Integer.MAX_VALUE : year(part2) - (endInclusive ? 0L : 1L);
        if (from > to) {
            return new MatchNoDocsQuery("an empty year range");
        }
        return IntPoint.newRangeQuery(Fields.YEAR_POINT, (int) from, (int) to);
    }

    private static boolean open(String end) {
        return end == null || "*".equals(end);
    }

    private int year(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'" + text + "' is not a year", positionOf(text));
        }
    }

    // ---- fields

    private enum FieldKind {
        TEXT,
        KEYWORD,
        BODY
    }

    private FieldKind kindOf(String field) {
        return switch (canonical(field)) {
            case ALL, "text", "title" -> FieldKind.TEXT;
            case "lang", "kind", "status", "year", "tag" -> FieldKind.KEYWORD;
            case "body" -> FieldKind.BODY;
            default ->
                throw new InvalidQueryException(
                        "unknown field '" + field + ":' (use title, text, lang, kind, body, status, year or tag)",
                        positionOf(field + ":"));
        };
    }

    private static boolean isIndexField(String field) {
        return field.startsWith("text_")
                || field.startsWith("title_")
                || Fields.META.equals(field)
                || Fields.BODY_TEXT.equals(field);
    }

    private static String canonical(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "language" -> "lang";
            case "issuer", "issuingbody" -> "body";
            case "tags" -> "tag";
            default -> lower;
        };
    }

    private static String keywordField(String field) {
        return switch (canonical(field)) {
            case "lang" -> Fields.LANG;
            case "kind" -> Fields.KIND;
            case "status" -> Fields.STATUS;
            case "year" -> Fields.YEAR;
            default -> Fields.TAG;
        };
    }

    private Query keyword(String field, String value) {
        String canonical = canonical(field);
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        if ("lang".equals(canonical)) {
            normalized = Languages.normalize(normalized);
        } else if ("status".equals(canonical)) {
            try {
                normalized = TranslationStatus.parse(normalized).code();
            } catch (RuntimeException e) {
                throw new InvalidQueryException(e.getMessage(), positionOf(field + ":"));
            }
        } else if ("year".equals(canonical)) {
            year(value);
        }
        return new TermQuery(new Term(keywordField(field), normalized));
    }
}
