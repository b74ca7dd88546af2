package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

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
     * @param units the stored fields of each unit, by doc id (read once by the caller for the hit): its language and
     *     text are read from them
     */
    Map<Integer, String> of(Query query, Map<Integer, Document> units) throws IOException {
        // first each unit's own language field (one highlighter call per field), then the neutral field for the
        // units whose match came through it (a Russian word in a document catalogued as English, say)
        Map<String, List<Integer>> byField = new HashMap<>();
        units.forEach((unit, document) -> {
            String language = document.get(Fields.LANG);
            String field = Languages.analyzed(language) ? Fields.text(language) : Fields.TEXT_ANY;
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(unit);
        });
        UnifiedHighlighter highlighter = highlighter(units);
        Map<Integer, String> snippets = new HashMap<>();
        List<Integer> unmatched = new ArrayList<>();
        for (var entry : byField.entrySet()) {
            highlight(highlighter, query, entry.getKey(), entry.getValue(), snippets);
            if (!entry.getKey().equals(Fields.TEXT_ANY)) {
                entry.getValue().stream()
                        .filter(doc -> !snippets.get(doc).contains(MARK))
                        .forEach(unmatched::add);
            }
        }
        if (!unmatched.isEmpty()) {
            Map<Integer, String> neutral = new HashMap<>();
            highlight(highlighter, query, Fields.TEXT_ANY, unmatched, neutral);
            neutral.forEach((doc, snippet) -> {
                if (snippet.contains(MARK)) {
                    snippets.put(doc, snippet);
                }
            });
        }
        return snippets;
    }

    private static void highlight(
            UnifiedHighlighter highlighter, Query query, String field, List<Integer> units, Map<Integer, String> into)
            throws IOException {
        int[] docs = units.stream().mapToInt(Integer::intValue).sorted().toArray();
        String[] found = highlighter
                .highlightFields(new String[] {field}, query, docs, new int[] {1})
                .get(field);
        for (int i = 0; i < docs.length; i++) {
            into.put(docs[i], found[i] == null ? "" : found[i].strip());
        }
    }

    /**
     * Lucene's passage score (BM25 over the passage's matches, favouring passages near the start), computed without
     * the hash table of 32 kB that Lucene's scorer allocates for every passage it considers (a fifth of the
     * highlighting time): a passage holds few matches, so its distinct terms are found by comparing them.
     */
    static final class PassageScoring extends PassageScorer {
        private static final int MOST_MATCHES_COMPARED = 64;

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            if (matches > MOST_MATCHES_COMPARED) {
                return super.score(passage, contentLength);
            }
            BytesRef[] terms = passage.getMatchTerms();
            int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
            BytesRef[] distinct = new BytesRef[matches];
            int[] inPassage = new int[matches];
            int[] inDoc = new int[matches];
            int count = 0;
            next:
            for (int i = 0; i < matches; i++) {
                for (int j = 0; j < count; j++) {
                    if (distinct[j].bytesEquals(terms[i])) {
                        inPassage[j]++;
                        continue next;
                    }
                }
                distinct[count] = terms[i];
                inDoc[count] = freqsInDoc[i];
                inPassage[count++] = 1;
            }
            double score = 0;
            for (int j = 0; j < count; j++) {
                score += tf(inPassage[j], passage.getLength()) * weight(contentLength, inDoc[j]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }
    }

    /**
     * Offsets from the postings, each query term looked up once per segment and call rather than once per unit: Lucene
     * seeks every term and opens a new postings enum for every unit highlighted (three quarters of finding a unit's
     * matches in a profile of the mix). The highlighter visits the units of a call in doc order, so each term's
     * postings only move forward; a unit out of that order (or another segment) looks the terms up again.
     */
    static final class ReusedPostings extends PostingsOffsetStrategy {
        private Terms segment;
        private BytesRef[] terms;
        private PostingsEnum[] postings;
        private int last = -1;

        ReusedPostings(UHComponents components) {
            super(components);
        }

        @Override
        protected void createOffsetsEnumsForTerms(
                BytesRef[] sourceTerms, Terms termsIndex, int doc, List<OffsetsEnum> results) throws IOException {
            if (termsIndex != segment || doc <= last || !Arrays.equals(sourceTerms, terms)) {
                seek(sourceTerms, termsIndex);
            }
            last = doc;
            for (int i = 0; i < terms.length; i++) {
                PostingsEnum term = postings[i];
                if (term != null && (term.docID() < doc ? term.advance(doc) : term.docID()) == doc) {
                    results.add(new OffsetsEnum.OfPostings(terms[i], term));
                }
            }
        }

        private void seek(BytesRef[] sourceTerms, Terms termsIndex) throws IOException {
            segment = termsIndex;
            terms = sourceTerms.clone();
            postings = new PostingsEnum[terms.length];
            TermsEnum iterator = termsIndex.iterator();
            for (int i = 0; i < terms.length; i++) {
                if (iterator.seekExact(terms[i])) {
                    postings[i] = iterator.postings(null, PostingsEnum.OFFSETS);
                    if (postings[i] == null) {
                        throw new IllegalArgumentException(
                                "field '" + getField() + "' was indexed without offsets, cannot highlight");
                    }
                }
            }
        }
    }

    private UnifiedHighlighter highlighter(Map<Integer, Document> units) {
        return new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(MAX_SCAN)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new Sentences(), length, 0.5f))
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", "… ", true))
                .withMaxNoHighlightPassages(1)
                .withScorer(new PassageScoring())
                // offsets from the postings of the query's terms, not per-document Weight.matches (much dearer)
                .withWeightMatches(false)) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return source == OffsetSource.POSTINGS
                                && !components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
                        ? new ReusedPostings(components)
                        : super.getOffsetStrategy(source, components);
            }

            /** Every text field of a unit highlights the one stored text, already read. */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheChars)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    Document unit = units.get(doc);
                    String text = unit == null ? null : unit.get(Fields.TEXT);
                    CharSequence[] perField = new CharSequence[fields.length];
                    Arrays.fill(perField, text == null ? "" : text);
                    values.add(perField);
                }
                return values;
            }
        };
    }
}
