package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.verso.search.AlignedTerm;
import org.verso.search.SearchableMemoryUnit;

/**
 * The translation-memory index for concordance search: one entry per unit, its source and target each in its own
 * language's field and in a neutral one. A concordance query wants every word (or the phrase, when quoted) on either
 * side. Thread-safe.
 */
public final class MemoryUnits {
    private static final String ID = "id";
    private static final String SOURCE_LANG = "sourceLang";
    private static final String TARGET_LANG = "targetLang";
    static final String SOURCE = "source";
    static final String TARGET = "target";
    private static final String ORIGIN = "origin";
    private static final FieldType WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WITH_OFFSETS.freeze();
    }

    private MemoryUnits() {}

    /** A unit found, with its sides highlighted ({@code <mark>}, HTML-escaped). */
    public record Found(SearchableMemoryUnit unit, float score, String source, String target) {}

    public static void write(IndexStore store, SearchableMemoryUnit unit) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(ID, unit.id(), Field.Store.YES));
        String source = Languages.normalize(unit.sourceLanguage());
        String target = Languages.normalize(unit.targetLanguage());
        doc.add(new StringField(SOURCE_LANG, source, Field.Store.YES));
        doc.add(new StringField(TARGET_LANG, target, Field.Store.YES));
        side(doc, SOURCE, source, unit.sourceText());
        side(doc, TARGET, target, unit.targetText());
        if (unit.origin() != null) {
            doc.add(new StoredField(ORIGIN, unit.origin()));
        }
        store.writer().updateDocument(new Term(ID, unit.id()), doc);
    }

    private static void side(Document doc, String side, String language, String text) {
        // stored once in the neutral field; the language field is for matching only
        doc.add(new Field(side + "_any", text, WITH_OFFSETS));
        if (Languages.analyzed(language)) {
            doc.add(new TextField(side + "_" + language, text, Field.Store.NO));
        }
    }

    /** The words a query's words are aligned with, as of one version of the index. */
    public record Aligned(long version, List<AlignedTerm> terms) {}

    /**
     * The words the memory translates {@code words} with, best first ({@link Alignments}): each word's written form
     * and language; or {@code known} itself when it was worked out on the version of the index searchers see now. One
     * searcher, acquired once, both tells the version and (when {@code known} is stale or null) finds the words.
     */
    public static Aligned alignments(IndexStore store, Analyzer analyzer, String words, int limit, Aligned known)
            throws IOException {
        IndexSearcher searcher = store.acquire();
        try {
            if (known != null && known.version() == version(searcher)) {
                return known;
            }
            List<AlignedTerm> terms = new Alignments(searcher, analyzer)
                    .of(words, limit).stream()
                            .map(a -> new AlignedTerm(a.word(), a.language()))
                            .toList();
            return new Aligned(version(searcher), terms);
        } finally {
            store.release(searcher);
        }
    }

    private static long version(IndexSearcher searcher) {
        return searcher.getIndexReader() instanceof org.apache.lucene.index.DirectoryReader reader
                ? reader.getVersion()
                : -1;
    }

    public static void delete(IndexStore store, String id) throws IOException {
        store.writer().deleteDocuments(new Term(ID, id));
    }

    public static List<Found> search(
            IndexStore store, Analyzer analyzer, String text, String sourceLanguage, String targetLanguage, int limit)
            throws IOException {
        String words = text.strip();
        boolean phrase = words.length() > 1 && words.startsWith("\"") && words.endsWith("\"");
        if (phrase) {
            words = words.substring(1, words.length() - 1);
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        List<Query> sides = new ArrayList<>();
        for (String side : List.of(SOURCE, TARGET)) {
            List<String> fields = new ArrayList<>();
            fields.add(side + "_any");
            Languages.candidates(words).forEach(language -> fields.add(side + "_" + language));
            for (String field : fields) {
                Query query = phrase
                        ? builder.createPhraseQuery(field, words)
                        : builder.createBooleanQuery(field, words, Occur.MUST);
                if (query != null) {
                    sides.add(query);
                }
            }
        }
        if (sides.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new DisjunctionMaxQuery(sides, 0.1f), Occur.MUST);
        if (sourceLanguage != null && !sourceLanguage.isBlank()) {
            query.add(new TermQuery(new Term(SOURCE_LANG, Languages.normalize(sourceLanguage))), Occur.FILTER);
        }
        if (targetLanguage != null && !targetLanguage.isBlank()) {
            query.add(new TermQuery(new Term(TARGET_LANG, Languages.normalize(targetLanguage))), Occur.FILTER);
        }
        IndexSearcher searcher = store.acquire();
        try {
            Query rewritten = searcher.rewrite(query.build());
            TopDocs top = searcher.search(rewritten, limit);
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                    .withFieldMatcher(field -> true)
                    .withWeightMatches(false)
                    .withMaxNoHighlightPassages(1));
            var marked = highlighter.highlightFields(
                    new String[] {SOURCE + "_any", TARGET + "_any"}, rewritten, docs, new int[] {1, 1});
            StoredFields stored = searcher.storedFields();
            List<Found> found = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document doc = stored.document(
                        hit.doc, Set.of(ID, SOURCE_LANG, TARGET_LANG, SOURCE + "_any", TARGET + "_any", ORIGIN));
                SearchableMemoryUnit unit = new SearchableMemoryUnit(
                        doc.get(ID),
                        doc.get(SOURCE_LANG),
                        doc.get(SOURCE + "_any"),
                        doc.get(TARGET_LANG),
                        doc.get(TARGET + "_any"),
                        doc.get(ORIGIN));
                found.add(new Found(unit, hit.score, marked.get(SOURCE + "_any")[i], marked.get(TARGET + "_any")[i]));
            }
            return found;
        } finally {
            store.release(searcher);
        }
    }
}
