package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The counting pass decides whether it ranks a search itself (few matches) from the scorer suppliers' cost, without
 * building bulk scorers it may not use: that cost must be the one the bulk scorers would report, for every kind of
 * query the query language makes, or searches near the threshold would change path.
 */
class CountingCostTest {
    private static final String[] WORDS = {
        "prison", "prisons", "visit", "visits", "torture", "report", "education", "police", "detention", "rights"
    };
    private static final String[] RUSSIAN = {"тюрьма", "тюрьмы", "пытки", "доклад", "полиция"};

    @Test
    void theCostEstimatedWithoutBuildingScorersIsTheBulkScorersCost() throws IOException {
        Analyzer analyzer = Analyzers.perField();
        Random random = new Random(17);
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int segment = 0; segment < 3; segment++) {
                    for (int i = 0; i < 400; i++) {
                        boolean russian = random.nextInt(4) == 0;
                        String language = russian ? "ru" : "en";
                        String text = sentence(random, russian ? RUSSIAN : WORDS);
                        String title = sentence(random, russian ? RUSSIAN : WORDS);
                        Document entry = new Document();
                        entry.add(new StringField(Fields.LANG, language, Field.Store.NO));
                        entry.add(new StringField(Fields.KIND, i % 3 == 0 ? "report" : "charter", Field.Store.NO));
                        entry.add(new TextField(Fields.text(language), text, Field.Store.NO));
                        entry.add(new TextField(Fields.TEXT_ANY, text, Field.Store.NO));
                        entry.add(new TextField(Fields.title(language), title, Field.Store.NO));
                        entry.add(new TextField(Fields.TITLE_ANY, title, Field.Store.NO));
                        writer.addDocument(entry);
                    }
                    writer.commit(); // three segments
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<LeafReaderContext> leaves = reader.leaves();
                assertThat(leaves).hasSize(3);
                for (String text : List.of(
                        "prison",
                        "prison visit",
                        "torture education police",
                        "\"prison visit\"",
                        "\"prison report\"~3",
                        "prison AND visit",
                        "+prison -visit",
                        "prison AND NOT education",
                        "(prison OR police) AND rights",
                        "title:report",
                        "text:detention",
                        "kind:report prison",
                        "lang:ru тюрьма",
                        "пытки доклад",
                        "pris*",
                        "vis?t",
                        "tortre~",
                        "nothingmatches")) {
                    Query query = LookedUp.of(searcher, searcher.rewrite(QueryLanguage.parse(text, analyzer)));
                    for (ScoreMode mode : List.of(ScoreMode.TOP_SCORES, ScoreMode.COMPLETE_NO_SCORES)) {
                        Weight weight = searcher.createWeight(query, mode, 1f);
                        long built = 0;
                        for (BulkScorer scorer : Counting.bulkScorers(weight, leaves)) {
                            built += scorer == null ? 0 : scorer.cost();
                        }
                        assertThat(Counting.estimatedCost(weight, leaves))
                                .as("%s (%s)", text, mode)
                                .isEqualTo(built);
                    }
                }
            }
        }
    }

    private static String sentence(Random random, String[] words) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 1 + random.nextInt(6); w > 0; w--) {
            sentence.append(words[random.nextInt(words.length)]).append(' ');
        }
        return sentence.toString();
    }
}
