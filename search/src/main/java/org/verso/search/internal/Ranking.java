package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The best documents by relevance without scoring every match: a top-k search over index entries (which skips what
 * cannot compete), widened until it holds enough distinct documents; then, with the same {@link Weight} (terms looked
 * up once), which entries of just the page's documents match. A document ranks by its best entry, as in {@link
 * GroupingCollector}.
 */
final class Ranking {
    private static final int MAX_ENTRIES = 100_000;

    private Ranking() {}

    /**
     * The best {@code depth} documents (fewer if fewer match), with the entries of each that match.
     *
     * @param weight of a rewritten query, for {@link ScoreMode#TOP_SCORES}
     */
    static ResultCache.Ranked ranked(Weight weight, List<LeafReaderContext> leaves, int depth) throws IOException {
        // most documents have one matching entry: a few more entries than documents are nearly always enough, and
        // each entry asked for beyond that lowers the bar below which the top-k search skips matches
        int k = depth + depth / 8 + 2;
        List<String> ids;
        while (true) {
            ScoreDoc[] top = top(weight, leaves, k);
            ids = distinctDocuments(leaves, top, depth);
            if (ids.size() >= depth || top.length < k || k >= MAX_ENTRIES) {
                break;
            }
            k = Math.min(MAX_ENTRIES, k * 4);
        }
        return new ResultCache.Ranked(ids.isEmpty() ? List.of() : units(weight, leaves, ids), depth);
    }

    private static ScoreDoc[] top(Weight weight, List<LeafReaderContext> leaves, int k) throws IOException {
        TopScoreDocCollector collector = new TopScoreDocCollectorManager(k, null, k).newCollector();
        for (LeafReaderContext leaf : leaves) {
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                continue;
            }
            LeafCollector collect;
            try {
                collect = collector.getLeafCollector(leaf);
            } catch (CollectionTerminatedException e) {
                continue;
            }
            try {
                scorer.score(collect, leaf.reader().getLiveDocs());
            } catch (CollectionTerminatedException e) {
                // this leaf has nothing more to offer
            }
            collect.finish();
        }
        TopDocs docs = collector.topDocs();
        return docs.scoreDocs;
    }

    /** The first {@code need} distinct documents of the entries, in their order. */
    private static List<String> distinctDocuments(List<LeafReaderContext> leaves, ScoreDoc[] top, int need)
            throws IOException {
        Map<Integer, String> idOf =
                documentIds(leaves, Arrays.stream(top).mapToInt(d -> d.doc).toArray());
        Set<String> ids = new LinkedHashSet<>();
        for (ScoreDoc hit : top) {
            ids.add(idOf.get(hit.doc));
            if (ids.size() == need) {
                break;
            }
        }
        return new ArrayList<>(ids);
    }

    /** Document ids of index entries, read in doc order with one doc-values iterator per segment. */
    private static Map<Integer, String> documentIds(List<LeafReaderContext> leaves, int[] docs) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
        Map<Integer, String> ids = new HashMap<>();
        SortedDocValues values = null;
        LeafReaderContext current = null;
        for (int doc : sorted) {
            if (current == null || doc >= current.docBase + current.reader().maxDoc()) {
                current = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(current.reader(), Fields.DOCUMENT_ID);
            }
            int local = doc - current.docBase;
            if (values.advanceExact(local)) { // the docs are distinct and sorted: always forward
                ids.put(doc, values.lookupOrd(values.ordValue()).utf8ToString());
            }
        }
        return ids;
    }

    /** Which entries of the given documents match, with their scores, grouped in the given order. */
    private static List<Group> units(Weight weight, List<LeafReaderContext> leaves, List<String> ids)
            throws IOException {
        Map<String, List<ScoreDoc>> byDocument = new LinkedHashMap<>();
        ids.forEach(id -> byDocument.put(id, new ArrayList<>()));
        for (LeafReaderContext leaf : leaves) {
            // the entries of the page's documents in this segment, in doc order
            List<int[]> candidates = new ArrayList<>(); // {doc, index of its document}
            Bits live = leaf.reader().getLiveDocs();
            Terms idTerms = leaf.reader().terms(Fields.DOCUMENT_ID);
            if (idTerms == null) {
                continue;
            }
            // one terms enum and postings enum for the segment, not a new pair per document
            TermsEnum idTerm = idTerms.iterator();
            PostingsEnum postings = null;
            for (int i = 0; i < ids.size(); i++) {
                if (!idTerm.seekExact(new BytesRef(ids.get(i)))) {
                    continue;
                }
                postings = idTerm.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        candidates.add(new int[] {doc, i});
                    }
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            candidates.sort(Comparator.comparingInt(c -> c[0]));
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase != null ? twoPhase.approximation() : scorer.iterator();
            for (int[] candidate : candidates) {
                int doc = candidate[0];
                if (approximation.docID() < doc) {
                    approximation.advance(doc);
                }
                if (approximation.docID() == doc && (twoPhase == null || twoPhase.matches())) {
                    byDocument.get(ids.get(candidate[1])).add(new ScoreDoc(leaf.docBase + doc, scorer.score()));
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<ScoreDoc> units : byDocument.values()) {
            if (units.isEmpty()) {
                continue;
            }
            float score = units.stream().map(u -> u.score).max(Float::compare).orElse(0f);
            int[] docs = units.stream().mapToInt(u -> u.doc).sorted().toArray();
            groups.add(new Group(score, 0, null, docs[0], docs));
        }
        return groups;
    }
}
