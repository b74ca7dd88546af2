package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The best documents by relevance without scoring every match: Lucene's top-k search (which skips what cannot
 * compete) over index entries, widened until it holds enough distinct documents, then the matching entries of just
 * the documents of the page. A document ranks by its best entry, as in {@link GroupingCollector}.
 */
final class Ranking {
    private static final int MAX_ENTRIES = 100_000;

    private Ranking() {}

    static List<GroupingCollector.Group> page(IndexSearcher searcher, Query query, int offset, int size)
            throws IOException {
        int need = offset + size;
        int k = Math.max(64, need * 4);
        Map<String, Float> best = new LinkedHashMap<>();
        while (true) {
            TopDocs top = searcher.search(query, k);
            best.clear();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc hit : top.scoreDocs) {
                best.putIfAbsent(documentId(leaves, hit.doc), hit.score);
                if (best.size() == need) {
                    break;
                }
            }
            if (best.size() >= need || top.scoreDocs.length < k || k >= MAX_ENTRIES) {
                break;
            }
            k = Math.min(MAX_ENTRIES, k * 4);
        }
        List<String> ids = new ArrayList<>(best.keySet());
        if (offset >= ids.size()) {
            return List.of();
        }
        return units(searcher, query, ids.subList(offset, Math.min(ids.size(), need)));
    }

    /** The matching entries of the given documents, grouped, in the given order. */
    private static List<GroupingCollector.Group> units(IndexSearcher searcher, Query query, List<String> ids)
            throws IOException {
        Query ofPage = new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(
                        new TermInSetQuery(
                                Fields.DOCUMENT_ID,
                                ids.stream().map(BytesRef::new).toList()),
                        Occur.FILTER)
                .build();
        TopDocs found = searcher.search(ofPage, Math.max(100, ids.size() * 50));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, List<ScoreDoc>> byDocument = new LinkedHashMap<>();
        ids.forEach(id -> byDocument.put(id, new ArrayList<>()));
        for (ScoreDoc hit : found.scoreDocs) {
            List<ScoreDoc> units = byDocument.get(documentId(leaves, hit.doc));
            if (units != null) {
                units.add(hit);
            }
        }
        List<GroupingCollector.Group> groups = new ArrayList<>();
        for (List<ScoreDoc> units : byDocument.values()) {
            if (units.isEmpty()) {
                continue; // changed under us between the two searches: cannot happen on one searcher
            }
            float score = units.stream().map(u -> u.score).max(Float::compare).orElse(0f);
            int[] docs = units.stream().mapToInt(u -> u.doc).sorted().toArray();
            groups.add(new GroupingCollector.Group(score, 0, null, docs[0], docs));
        }
        return groups;
    }

    private static String documentId(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.DOCUMENT_ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            return "";
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }
}
