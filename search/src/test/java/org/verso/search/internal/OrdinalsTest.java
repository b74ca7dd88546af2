package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class OrdinalsTest {
    private static final int DOCUMENTS = 300;

    @Test
    void everyEntryReadsBackItsBlockLanguageAndFacetValues() throws IOException {
        // eight facets of up to 60 values each need more than 32 bits: the last ones are listed, not packed
        List<String> facets = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            facets.add("facet" + f);
        }
        Random random = new Random(3);
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int d = 0; d < DOCUMENTS; d++) {
                    List<Document> block = new ArrayList<>();
                    for (int unit = random.nextInt(3); unit >= 0; unit--) {
                        Document entry = new Document();
                        entry.add(new SortedDocValuesField(Fields.DOCUMENT_ID, new BytesRef("doc-" + d)));
                        if (random.nextInt(10) > 0) {
                            entry.add(new SortedDocValuesField(Fields.LANG, new BytesRef("l" + random.nextInt(40))));
                        }
                        for (String facet : facets) {
                            for (int v = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : random.nextInt(2);
                                    v > 0;
                                    v--) {
                                entry.add(new SortedSetDocValuesField(facet, new BytesRef("v" + random.nextInt(60))));
                            }
                        }
                        block.add(entry);
                    }
                    writer.addDocuments(block);
                }
                writer.addDocument(new Document()); // an entry of no block
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                Ordinals ordinals = Ordinals.of(leaf, facets);

                var ids = leaf.getSortedDocValues(Fields.DOCUMENT_ID);
                var languages = leaf.getSortedDocValues(Fields.LANG);
                int previousBlock = -1;
                String previousId = null;
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    int entry = ordinals.entries[doc];
                    if (!ids.advanceExact(doc)) {
                        assertThat(entry).isNegative();
                        continue;
                    }
                    String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                    int block = ordinals.block(entry);
                    assertThat(block == previousBlock).as("doc %d", doc).isEqualTo(id.equals(previousId));
                    previousBlock = block;
                    previousId = id;
                    int language = languages.advanceExact(doc) ? languages.ordValue() : -1;
                    assertThat(ordinals.language(entry)).isEqualTo(language);
                    for (int f = 0; f < facets.size(); f++) {
                        assertThat(valuesOf(ordinals, doc, f))
                                .as("doc %d facet %d", doc, f)
                                .isEqualTo(valuesIn(leaf.getSortedSetDocValues(facets.get(f)), doc));
                    }
                }
            }
        }
    }

    private static TreeSet<Integer> valuesOf(Ordinals ordinals, int doc, int facet) {
        TreeSet<Integer> values = new TreeSet<>();
        int value = ordinals.value(ordinals.codes[doc], facet);
        if (value >= 0) {
            values.add(value);
        } else if (value == Ordinals.LISTED) {
            int at = ordinals.listed(doc, facet);
            if (at >= 0) {
                for (int n = 1; n <= ordinals.more[at]; n++) {
                    values.add(ordinals.more[at + n]);
                }
            }
        }
        return values;
    }

    private static TreeSet<Integer> valuesIn(SortedSetDocValues values, int doc) throws IOException {
        TreeSet<Integer> ords = new TreeSet<>();
        if (values != null && values.advanceExact(doc)) {
            for (int n = values.docValueCount(); n > 0; n--) {
                ords.add((int) values.nextOrd());
            }
        }
        return ords;
    }
}
