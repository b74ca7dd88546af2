package org.verso.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * The stored fields of index entries recently shown on a page, for the searcher that read them: popular documents
 * come up again under other searches, and reading an entry's stored fields decompresses a block of the index around
 * it (a tenth of a search's time). Entries belong to one searcher generation; the first read on a refreshed searcher
 * drops them all, so a page never shows what the index no longer holds. Bounded by the size of the text it holds
 * (an entry of a long manual holds its whole text, for the snippet); least recently used entries go first.
 * Thread-safe; the documents handed out are shared and must not be changed.
 */
final class PageDocuments {
    private final long capacity;
    private long held;
    private IndexReader generation;
    private final LinkedHashMap<Integer, Entry> documents = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(Document document, long bytes) {}

    /** @param capacity bytes of stored text kept, about (0: none, every read goes to the index) */
    PageDocuments(long capacity) {
        this.capacity = capacity;
    }

    /** Bytes of stored text held now. */
    long held() {
        synchronized (documents) {
            return held;
        }
    }

    /** The stored {@code fields} of these entries (ascending doc ids), from the cache or read in doc order. */
    Map<Integer, Document> read(IndexSearcher searcher, int[] inDocOrder, Set<String> fields) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Map<Integer, Document> found = new HashMap<>();
        if (capacity > 0) {
            synchronized (documents) {
                if (generation != reader) {
                    documents.clear();
                    held = 0;
                    generation = reader;
                }
                for (int unit : inDocOrder) {
                    Entry entry = documents.get(unit);
                    if (entry != null) {
                        found.put(unit, entry.document());
                    }
                }
            }
            if (found.size() == inDocOrder.length) {
                return found;
            }
        }
        StoredFields stored = searcher.storedFields();
        Map<Integer, Document> read = new HashMap<>();
        for (int unit : inDocOrder) { // in doc order: a block is decompressed once for the entries it holds
            if (!found.containsKey(unit)) {
                read.put(unit, stored.document(unit, fields));
            }
        }
        found.putAll(read);
        if (capacity > 0) {
            synchronized (documents) {
                if (generation == reader) {
                    read.forEach(this::keep);
                }
            }
        }
        return found;
    }

    private void keep(int unit, Document document) {
        long bytes = bytes(document);
        if (bytes > capacity / 16) { // one long manual must not push out everything else
            return;
        }
        Entry previous = documents.put(unit, new Entry(document, bytes));
        held += bytes - (previous == null ? 0 : previous.bytes());
        Iterator<Entry> eldest = documents.values().iterator();
        while (held > capacity && eldest.hasNext()) {
            held -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /** What the document's stored values take, roughly: two bytes a character, a little per field. */
    private static long bytes(Document document) {
        long bytes = 64;
        for (IndexableField field : document.getFields()) {
            String value = field.stringValue();
            bytes += 32 + (value == null ? 8 : 2L * value.length());
        }
        return bytes;
    }
}
