package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The top-k ranking (used when too many match to rank in the counting pass) gives each of the best documents with
 * every one of its entries that matches and only those, its best entry's score, in the order of a search that scores
 * every entry: checked against that search on blocks spread over segments, with deleted entries.
 */
class RankingTest {
    private static final String[] WORDS = {"prison", "visit", "torture", "report", "police", "rights", "detention"};

    @Test
    void theBestDocumentsComeWithAllTheirMatchingEntriesAndTheirBestScore() throws IOException {
        Random random = new Random(29);
        try (Directory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig config =
                    new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int d = 0; d < 600; d++) {
                    List<Document> block = new ArrayList<>();
                    for (int unit = random.nextInt(4); unit >= 0; unit--) {
                        Document entry = new Document();
                        String id = "doc-" + d;
                        entry.add(new StringField(Fields.DOCUMENT_ID, id, Field.Store.NO));
                        entry.add(new SortedDocValuesField(Fields.DOCUMENT_ID, new BytesRef(id)));
                        entry.add(new StringField("entry", d + "/" + unit, Field.Store.NO));
                        StringBuilder text = new StringBuilder();
                        for (int w = 1 + random.nextInt(8); w > 0; w--) {
                            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                        }
                        entry.add(new TextField(Fields.TEXT_ANY, text.toString(), Field.Store.NO));
                        block.add(entry);
                    }
                    writer.addDocuments(block);
                    if (d % 200 == 199) {
                        writer.commit(); // three segments
                    }
                }
                for (int d = 0; d < 600; d += 7) {
                    writer.deleteDocuments(new Term("entry", d + "/0")); // some entries deleted
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSize(3);
                Query query = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.TEXT_ANY, "torture")), Occur.SHOULD)
                        .add(new TermQuery(new Term(Fields.TEXT_ANY, "detention")), Occur.SHOULD)
                        .build();
                // every matching entry scored, grouped by document
                Map<String, TreeMap<Integer, Float>> expected = new HashMap<>();
                var idValues = new HashMap<Integer, String>();
                for (var leaf : reader.leaves()) {
                    var ids = leaf.reader().getSortedDocValues(Fields.DOCUMENT_ID);
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (ids.advanceExact(doc)) {
                            idValues.put(
                                    leaf.docBase + doc,
                                    ids.lookupOrd(ids.ordValue()).utf8ToString());
                        }
                    }
                }
                for (ScoreDoc hit : searcher.search(query, reader.maxDoc()).scoreDocs) {
                    expected.computeIfAbsent(idValues.get(hit.doc), id -> new TreeMap<>())
                            .put(hit.doc, hit.score);
                }
                int depth = 30;
                ResultCache.Ranked ranked = Ranking.ranked(
                        searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f),
                        reader.leaves(),
                        depth);
                assertThat(ranked.groups()).hasSize(depth);
                float previous = Float.MAX_VALUE;
                List<Float> bestScores = new ArrayList<>();
                expected.values().forEach(units -> bestScores.add(max(units)));
                bestScores.sort(Comparator.reverseOrder());
                for (Group group : ranked.groups()) {
                    String id = idValues.get(group.units[0]);
                    TreeMap<Integer, Float> units = expected.get(id);
                    assertThat(group.units)
                            .as(id)
                            .containsExactly(units.keySet().stream()
                                    .mapToInt(Integer::intValue)
                                    .toArray());
                    assertThat(group.score).as(id).isCloseTo(max(units), within(1e-5f));
                    assertThat(group.score).isLessThanOrEqualTo(previous);
                    previous = group.score;
                }
                // no document left out scores better than the last one kept
                assertThat(bestScores.get(depth - 1)).isCloseTo(ranked.groups().get(depth - 1).score, within(1e-5f));
            }
        }
    }

    private static float max(TreeMap<Integer, Float> units) {
        return units.values().stream().max(Float::compare).orElseThrow();
    }
}
