package org.verso.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One Lucene index: its directory, its single {@link IndexWriter} (for the life of the store) and a {@link
 * SearcherManager} on it for near-real-time searchers. Thread-safe. Searchers must be released in {@code finally}.
 */
public final class IndexStore implements Closeable {
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IndexStore(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
    }

    /** Creates a new, empty index at {@code path} (or in memory if path is null) with the given commit data. */
    static IndexStore create(Path path, Analyzer analyzer, int ramBufferMb, Map<String, String> commitData)
            throws IOException {
        Directory directory = path == null ? new ByteBuffersDirectory() : FSDirectory.open(path);
        try {
            IndexWriter writer =
                    new IndexWriter(directory, config(analyzer, ramBufferMb, IndexWriterConfig.OpenMode.CREATE));
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
            return new IndexStore(path, directory, writer);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /**
     * Opens an existing index and verifies the checksums of all its files, so that a damaged index is found now and
     * not by some search later.
     *
     * @throws IOException if it is missing, damaged, of another Lucene version or locked by another process
     */
    static IndexStore open(Path path, Analyzer analyzer, int ramBufferMb) throws IOException {
        Directory directory = FSDirectory.open(path);
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, config(analyzer, ramBufferMb, IndexWriterConfig.OpenMode.APPEND));
            IndexStore store = new IndexStore(path, directory, writer);
            IndexSearcher searcher = store.acquire();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    leaf.reader().checkIntegrity();
                }
            } finally {
                store.release(searcher);
            }
            return store;
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
            throw e;
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer, int ramBufferMb, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(ramBufferMb)
                .setCodec(new LibraryCodec());
    }

    /** Where the index lives, or null for an index in memory. */
    public Path path() {
        return path;
    }

    IndexWriter writer() {
        return writer;
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Makes recent changes searchable if there are any; cheap when there are none. */
    void maybeRefresh() throws IOException {
        searchers.maybeRefresh();
    }

    /** Makes all changes so far searchable before returning. */
    public void refreshBlocking() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** Number of index entries (units), including changes not yet searchable. */
    public int entries() {
        return writer.getDocStats().numDocs;
    }

    /**
     * Merges the index into one segment, commits and makes it searchable: after a bulk load, so that every search
     * looks each term up once instead of once per segment. Writers may keep writing meanwhile (into new segments);
     * searches keep answering from the segments they started on. Slow: seconds per 100 MB.
     */
    public void forceMerge() throws IOException {
        writer.forceMerge(1);
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    void commitData(Map<String, String> data) {
        writer.setLiveCommitData(Map.copyOf(data).entrySet());
    }

    /** Commits what is pending and releases everything; searchers still held keep working until released. */
    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }

    /** Closes without committing, for an index about to be thrown away. */
    void abandon() {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException ignored) {
            // thrown away anyway
        }
        IOUtils.closeWhileHandlingException(searchers, directory);
    }
}
