package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.verso.library.DocumentId;
import org.verso.search.internal.Blocks.Block;

/** Writes, reads back and lists the blocks of the library index. Callers serialise read-modify-write sequences. */
public final class BlockWriter {
    private BlockWriter() {}

    /** Replaces the document's block atomically (an empty block deletes it). Not committed. */
    public static void write(IndexStore store, Block block) throws IOException {
        Term key = new Term(Fields.DOCUMENT_ID, block.documentId().toString());
        if (block.isEmpty()) {
            store.writer().deleteDocuments(key);
        } else {
            store.writer().updateDocuments(key, Blocks.toDocuments(block));
        }
    }

    /** The document's block as the index holds it now, including changes not yet refreshed; empty if none. */
    public static Block read(IndexStore store, DocumentId id) throws IOException {
        store.refreshBlocking();
        return readRefreshed(store, id);
    }

    /** The document's block as of the last refresh (the caller refreshed after its last change). */
    public static Block readRefreshed(IndexStore store, DocumentId id) throws IOException {
        IndexSearcher searcher = store.acquire();
        try {
            TopDocs found = searcher.search(new TermQuery(new Term(Fields.DOCUMENT_ID, id.toString())), 1000);
            ScoreDoc[] units = found.scoreDocs.clone();
            java.util.Arrays.sort(units, java.util.Comparator.comparingInt(d -> d.doc));
            StoredFields stored = searcher.storedFields();
            List<Document> documents = new ArrayList<>();
            for (ScoreDoc unit : units) {
                documents.add(stored.document(unit.doc));
            }
            return Blocks.fromDocuments(id, documents);
        } finally {
            store.release(searcher);
        }
    }

    /**
     * Every translation in the index as last refreshed, as {@code documentId language status} (the language as
     * indexed: its primary subtag), for comparing with the translations' source.
     */
    public static Set<String> translations(IndexStore store) throws IOException {
        store.refreshBlocking();
        IndexSearcher searcher = store.acquire();
        try {
            Set<String> translations = new HashSet<>();
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(Fields.DOCUMENT_ID, Fields.LANG, Fields.UNIT_STATUS);
            searcher.search(
                    new TermQuery(new Term(Fields.UNIT, Fields.TRANSLATION)),
                    new org.apache.lucene.search.SimpleCollector() {
                        private int docBase;

                        @Override
                        protected void doSetNextReader(LeafReaderContext context) {
                            docBase = context.docBase;
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            Document unit = stored.document(docBase + doc, fields);
                            translations.add(translationKey(
                                    unit.get(Fields.DOCUMENT_ID), unit.get(Fields.LANG), unit.get(Fields.UNIT_STATUS)));
                        }

                        @Override
                        public org.apache.lucene.search.ScoreMode scoreMode() {
                            return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
                        }
                    });
            return translations;
        } finally {
            store.release(searcher);
        }
    }

    /** How {@link #translations} names a translation: {@code documentId language status}. */
    public static String translationKey(String documentId, String language, String status) {
        return documentId + ' ' + Languages.normalize(language) + ' ' + status;
    }

    /** Ids of all documents in the index as last refreshed. */
    public static Set<String> documentIds(IndexStore store) throws IOException {
        store.refreshBlocking();
        IndexSearcher searcher = store.acquire();
        try {
            Set<String> ids = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues keys = DocValues.getSorted(leaf.reader(), Fields.DOCUMENT_ID);
                Bits live = leaf.reader().getLiveDocs();
                boolean[] seen = new boolean[keys.getValueCount()];
                for (int doc = keys.nextDoc();
                        doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = keys.nextDoc()) {
                    if ((live == null || live.get(doc)) && !seen[keys.ordValue()]) {
                        seen[keys.ordValue()] = true;
                        ids.add(keys.lookupOrd(keys.ordValue()).utf8ToString());
                    }
                }
            }
            return ids;
        } finally {
            store.release(searcher);
        }
    }
}
