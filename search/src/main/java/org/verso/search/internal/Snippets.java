package org.verso.search.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The best-matching passage of each unit, HTML-escaped, matches wrapped in {@code <mark>}. A unit's text is stored
 * once ({@link Fields#TEXT}) but indexed in two fields (its language's and the neutral one), each with offsets; both
 * are highlighted from the stored text and the one with a match wins.
 */
final class Snippets {
    static final String MARK = "<mark>";
    private static final int MAX_SCAN = 1_000_000;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final int length;

    Snippets(IndexSearcher searcher, Analyzer analyzer, int length) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.length = length;
    }

    /**
     * Snippets of the given units (global doc ids) for the query, by doc id; a unit without a match gets the start of
     * its text.
     *
     * @param languages the language of each unit, as indexed
     */
    Map<Integer, String> of(Query query, int[] units, String[] languages) throws IOException {
        Map<String, List<Integer>> byLanguage = new HashMap<>();
        for (int i = 0; i < units.length; i++) {
            byLanguage.computeIfAbsent(languages[i], l -> new ArrayList<>()).add(units[i]);
        }
        Map<Integer, String> snippets = new HashMap<>();
        UnifiedHighlighter highlighter = highlighter();
        for (var entry : byLanguage.entrySet()) {
            int[] docs = entry.getValue().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            String[] fields = Languages.analyzed(entry.getKey())
                    ? new String[] {Fields.text(entry.getKey()), Fields.TEXT_ANY}
                    : new String[] {Fields.TEXT_ANY};
            int[] passages = new int[fields.length];
            java.util.Arrays.fill(passages, 1);
            Map<String, String[]> found = highlighter.highlightFields(fields, query, docs, passages);
            for (int i = 0; i < docs.length; i++) {
                String best = null;
                for (String field : fields) {
                    String snippet = found.get(field)[i];
                    if (snippet != null && (best == null || (!best.contains(MARK) && snippet.contains(MARK)))) {
                        best = snippet;
                    }
                }
                snippets.put(docs[i], best == null ? "" : best.strip());
            }
        }
        return snippets;
    }

    private UnifiedHighlighter highlighter() {
        return new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(MAX_SCAN)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), length, 0.5f))
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", "… ", true))
                .withMaxNoHighlightPassages(1)
                // offsets from the postings of the query's terms, not per-document Weight.matches (much dearer)
                .withWeightMatches(false)) {
            /** Every text field of a unit highlights the one stored text. */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheChars)
                    throws IOException {
                StoredFields stored = searcher.storedFields();
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    Document document = stored.document(doc, java.util.Set.of(Fields.TEXT));
                    String text = document.get(Fields.TEXT);
                    CharSequence[] perField = new CharSequence[fields.length];
                    java.util.Arrays.fill(perField, text == null ? "" : text);
                    values.add(perField);
                }
                return values;
            }
        };
    }
}
