package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCodecTest {
    @TempDir
    Path dir;

    @Test
    void luceneFindsTheCodecByTheNameItWritesIntoSegments() {
        assertThat(Codec.forName(LibraryCodec.NAME)).isInstanceOf(LibraryCodec.class);
    }

    @Test
    void anIndexWrittenByLucenesDefaultCodecIsReadAndMergedIntoTheLibraryCodec() throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < 100; i++) {
                    writer.addDocument(document(i));
                }
            }
            assertThat(codecs(directory)).containsOnly(Codec.getDefault().getName());

            IndexWriterConfig library = new IndexWriterConfig(new StandardAnalyzer()).setCodec(new LibraryCodec());
            try (IndexWriter writer = new IndexWriter(directory, library)) {
                for (int i = 100; i < 300; i++) {
                    writer.addDocument(document(i));
                }
                writer.forceMerge(1);
            }

            assertThat(codecs(directory)).containsOnly(LibraryCodec.NAME);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                StoredFields stored = reader.storedFields();
                assertThat(reader.maxDoc()).isEqualTo(300);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    Document document = stored.document(doc);
                    int i = Integer.parseInt(document.get("id"));
                    assertThat(document.get("text")).isEqualTo(text(i));
                }
            }
        }
    }

    private static java.util.List<String> codecs(Directory directory) throws IOException {
        return SegmentInfos.readLatestCommit(directory).asList().stream()
                .map(commit -> commit.info.getCodec().getName())
                .toList();
    }

    private static Document document(int i) {
        Document document = new Document();
        document.add(new StringField("id", Integer.toString(i), Field.Store.YES));
        document.add(new StoredField("text", text(i)));
        return document;
    }

    /** Texts of 100 bytes to 10 kB: entries alone in a chunk, several in one, and larger than a chunk. */
    private static String text(int i) {
        return ("Статья " + i + ": everyone has the right to education. ").repeat(1 + (i * 37) % 200);
    }
}
