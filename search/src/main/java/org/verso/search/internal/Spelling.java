package org.verso.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each plain word of a query that the index does not know by the most frequent similar word
 * it does know (in the language-neutral text field, where words are whole and folded), written as the index writes it
 * ({@link WordForms}: «Würde», not «wurde»), leaving operators, fields and phrases' quotes in place. Thread-safe.
 */
final class Spelling {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

    private final Analyzer neutral = Analyzers.neutral();

    /** The corrected query, or null if no word could be corrected. */
    String suggest(IndexReader reader, String query) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(3);
        StringBuilder corrected = new StringBuilder();
        Matcher words = WORD.matcher(query);
        int last = 0;
        boolean changed = false;
        while (words.find()) {
            String word = words.group();
            boolean field = words.end() < query.length() && query.charAt(words.end()) == ':';
            corrected.append(query, last, words.start());
            last = words.end();
            String replacement = word;
            if (!field && !OPERATORS.contains(word)) {
                List<String> terms = words(neutral, Fields.TEXT_ANY, word);
                if (terms.size() == 1 && reader.docFreq(new Term(Fields.TEXT_ANY, terms.get(0))) == 0) {
                    SuggestWord[] similar = checker.suggestSimilar(
                            new Term(Fields.TEXT_ANY, terms.get(0)), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (similar.length > 0) {
                        replacement = WordForms.asWritten(reader, similar[0].string, word);
                        changed = true;
                    }
                }
            }
            corrected.append(replacement);
        }
        corrected.append(query.substring(last));
        return changed ? corrected.toString() : null;
    }

    /** The terms an analyzer makes of a text for a field. */
    static List<String> words(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
