package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageDocumentsTest {
    private static final Set<String> FIELDS = Set.of("id", "text");

    @TempDir
    Path dir;

    private Directory directory;
    private IndexWriter writer;

    @BeforeEach
    void index() throws IOException {
        directory = FSDirectory.open(dir);
        writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
        for (int i = 0; i < 50; i++) {
            writer.addDocument(document("d" + i, "text of document " + i));
        }
        writer.commit();
    }

    @AfterEach
    void close() throws IOException {
        writer.close();
        directory.close();
    }

    private static Document document(String id, String text) {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.YES));
        document.add(new StoredField("text", text));
        document.add(new StoredField("other", "not asked for"));
        return document;
    }

    @Test
    void readsTheAskedFieldsOfTheEntriesAsTheIndexStoresThem() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Map<Integer, Document> read =
                    new PageDocuments(1 << 20).read(new IndexSearcher(reader), new int[] {3, 7, 41}, FIELDS);

            assertThat(read).containsOnlyKeys(3, 7, 41);
            assertThat(read.get(7).get("id")).isEqualTo("d7");
            assertThat(read.get(41).get("text")).isEqualTo("text of document 41");
            assertThat(read.get(3).get("other")).isNull();
        }
    }

    @Test
    void anEntryShownBeforeIsNotReadAgainWhileTheIndexIsUnchanged() throws IOException {
        PageDocuments documents = new PageDocuments(1 << 20);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Document first = documents.read(searcher, new int[] {5, 9}, FIELDS).get(9);

            Map<Integer, Document> again = documents.read(searcher, new int[] {9, 12}, FIELDS);

            assertThat(again.get(9)).isSameAs(first);
            assertThat(again.get(12).get("id")).isEqualTo("d12");
        }
    }

    @Test
    void aChangedIndexIsReadAfresh() throws IOException {
        PageDocuments documents = new PageDocuments(1 << 20);
        try (DirectoryReader before = DirectoryReader.open(directory)) {
            assertThat(documents
                            .read(new IndexSearcher(before), new int[] {0}, FIELDS)
                            .get(0)
                            .get("text"))
                    .isEqualTo("text of document 0");
            writer.deleteAll();
            writer.addDocument(document("new", "another text at the same doc id"));
            writer.commit();
            try (DirectoryReader after = DirectoryReader.openIfChanged(before)) {
                assertThat(after).isNotNull();
                Document read = documents
                        .read(new IndexSearcher(after), new int[] {0}, FIELDS)
                        .get(0);

                assertThat(read.get("id")).isEqualTo("new");
                assertThat(read.get("text")).isEqualTo("another text at the same doc id");
            }
        }
    }

    @Test
    void keepsNoMoreTextThanItsCapacityAndNothingWithoutOne() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            PageDocuments small = new PageDocuments(4_000);
            PageDocuments none = new PageDocuments(0);
            int[] all = java.util.stream.IntStream.range(0, 50).toArray();

            small.read(searcher, all, FIELDS);
            none.read(searcher, all, FIELDS);
            Document second = none.read(searcher, new int[] {1}, FIELDS).get(1);

            assertThat(small.held()).isPositive().isLessThanOrEqualTo(4_000);
            assertThat(none.held()).isZero();
            assertThat(none.read(searcher, new int[] {1}, FIELDS).get(1)).isNotSameAs(second);
        }
    }

    @Test
    void aTextTooLongForItsShareIsReadButNotKept() throws IOException {
        writer.addDocument(document("long", "word ".repeat(10_000)));
        writer.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            PageDocuments documents = new PageDocuments(1 << 20);

            Map<Integer, Document> read = documents.read(new IndexSearcher(reader), new int[] {50}, FIELDS);

            assertThat(read.get(50).get("id")).isEqualTo("long");
            assertThat(documents.held()).isZero();
        }
    }
}
