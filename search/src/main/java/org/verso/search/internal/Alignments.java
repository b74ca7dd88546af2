package org.verso.search.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.QueryBuilder;

/**
 * Which words the translation memory translates a query's words with, read from the concordance index: the units
 * holding the query (all its words, as a phrase when there are several) on one side are sampled, the other side's
 * words counted by stem, and a word is taken when it is <em>associated</em> with the query both ways: it is in at least
 * half of those units, and at least {@value #MIN_REVERSE} of the units holding it hold the query (so a word found
 * everywhere, like "права" in a memory of human-rights texts, is not). At least {@value #MIN_UNITS} units must agree.
 * The answer is the word in its most frequent written form. Single words only: a query aligned to a phrase gets its
 * phrase's most associated word. Both directions (a Russian query finds its English words the same way).
 */
final class Alignments {
    static final int MIN_UNITS = 3;
    static final double MIN_SHARE = 0.5;
    static final double MIN_REVERSE = 0.4;
    private static final int SAMPLE = 200;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    /** @param analyzer the concordance's analyzer (per field: each language's own) */
    Alignments(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    /** A word found aligned with the query: its written form, its language, its score (Dice, 0–1). */
    record Aligned(String word, String language, double dice) {}

    List<Aligned> of(String words, int limit) throws IOException {
        Map<String, Candidate> candidates = new HashMap<>();
        for (String side : List.of(MemoryUnits.SOURCE, MemoryUnits.TARGET)) {
            String other = side.equals(MemoryUnits.SOURCE) ? MemoryUnits.TARGET : MemoryUnits.SOURCE;
            for (String language : Languages.candidates(words)) {
                count(words, side, language, other, candidates);
            }
        }
        return candidates.values().stream()
                .map(Candidate::aligned)
                .filter(a -> a != null)
                .sorted(Comparator.comparingDouble(Aligned::dice).reversed().thenComparing(Aligned::word))
                .limit(limit)
                .toList();
    }

    private void count(String words, String side, String language, String other, Map<String, Candidate> candidates)
            throws IOException {
        QueryBuilder builder = new QueryBuilder(analyzer);
        String field = side + "_" + language;
        Query query = builder.createPhraseQuery(field, words);
        if (query == null) {
            return;
        }
        int holding = searcher.count(query);
        if (holding < MIN_UNITS) {
            return;
        }
        ScoreDoc[] sample = searcher.search(query, SAMPLE).scoreDocs;
        StoredFields stored = searcher.storedFields();
        Map<String, Candidate> here = new HashMap<>();
        for (ScoreDoc hit : sample) {
            Document doc = stored.document(hit.doc, Set.of(other + "_any", other + "Lang"));
            String otherLanguage = doc.get(other + "Lang");
            String text = doc.get(other + "_any");
            if (text == null || !Languages.analyzed(otherLanguage) || otherLanguage.equals(language)) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            try (TokenStream tokens = analyzer.tokenStream(other + "_" + otherLanguage, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    String stem = term.toString();
                    String written = text.substring(offset.startOffset(), offset.endOffset())
                            .toLowerCase(Locale.ROOT);
                    Candidate c = here.computeIfAbsent(
                            otherLanguage + ':' + stem,
                            k -> new Candidate(new Term(other + "_" + otherLanguage, stem), otherLanguage));
                    c.forms.merge(written, 1, Integer::sum);
                    if (seen.add(stem)) {
                        c.units++;
                    }
                }
                tokens.end();
            }
        }
        for (Candidate c : here.values()) {
            if (c.units < MIN_UNITS || c.units < MIN_SHARE * sample.length) {
                continue;
            }
            int holdingIt = searcher.getIndexReader().docFreq(c.term);
            // the units holding both, estimated from the sample
            double both = (double) c.units * holding / sample.length;
            if (holdingIt == 0 || both / holdingIt < MIN_REVERSE) {
                continue;
            }
            c.dice = 2 * both / (holding + holdingIt);
            candidates.merge(c.language + ':' + c.term.text(), c, (a, b) -> a.dice >= b.dice ? a : b);
        }
    }

    private static final class Candidate {
        final Term term;
        final String language;
        final Map<String, Integer> forms = new HashMap<>();
        int units;
        double dice;

        Candidate(Term term, String language) {
            this.term = term;
            this.language = language;
        }

        Aligned aligned() {
            if (dice <= 0) {
                return null;
            }
            String written = forms.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey();
            return new Aligned(written, language, dice);
        }
    }
}
