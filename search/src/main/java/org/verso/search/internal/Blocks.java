package org.verso.search.internal;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.lucene.analysis.icu.ICUCollationDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;
import org.verso.search.SearchableDocument;
import org.verso.search.SearchableFile;
import org.verso.search.SearchableTranslation;
import org.verso.search.TranslationStatus;

/**
 * Turns a document and its translations into one index block (original first) and back. Everything needed to write
 * the block again is stored, so that a translation can be added without asking the catalogue for the document.
 */
public final class Blocks {
    /**
     * Analysed text with offsets in the postings: the highlighter then finds passages without analysing the text
     * again. Not stored here: the text is stored once, in {@link Fields#TEXT}.
     */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    /** Words as written, for spelling suggestions: which documents have them is all that counts. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WORDS.setIndexOptions(IndexOptions.DOCS);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(ULocale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    });

    /** A document with its translations, as one block holds it; {@code document} may be null (translations only). */
    public record Block(DocumentId documentId, SearchableDocument document, List<SearchableTranslation> translations) {
        public Block {
            Objects.requireNonNull(documentId, "documentId");
            translations = List.copyOf(translations);
        }

        /** This block with the translation into the same language replaced (or added). */
        public Block with(SearchableTranslation translation) {
            List<SearchableTranslation> kept = new ArrayList<>();
            String language = Languages.normalize(translation.language());
            for (SearchableTranslation t : translations) {
                if (!Languages.normalize(t.language()).equals(language)) {
                    kept.add(t);
                }
            }
            kept.add(translation);
            kept.sort(Comparator.comparing(SearchableTranslation::language));
            return new Block(documentId, document, kept);
        }

        /** This block without the translation into that language. */
        public Block without(String language) {
            String normalized = Languages.normalize(language);
            return new Block(
                    documentId,
                    document,
                    translations.stream()
                            .filter(t -> !Languages.normalize(t.language()).equals(normalized))
                            .toList());
        }

        public boolean isEmpty() {
            return document == null && translations.isEmpty();
        }
    }

    private Blocks() {}

    /** The index entries of a block: the original (if known) first, then each translation. */
    public static List<Document> toDocuments(Block block) {
        SearchableDocument doc = block.document();
        TreeSet<String> statuses = new TreeSet<>();
        block.translations().forEach(t -> statuses.add(t.status().code()));
        String docTitle = doc != null ? doc.title() : firstTitle(block.translations());
        List<Document> units = new ArrayList<>();
        if (doc != null) {
            Document unit = common(block.documentId(), doc, docTitle, statuses);
            unit.add(new StringField(Fields.UNIT, Fields.ORIGINAL, Field.Store.YES));
            language(unit, doc.language());
            text(unit, doc.language(), doc.title(), doc.text());
            meta(unit, doc);
            units.add(unit);
        }
        for (SearchableTranslation translation : block.translations()) {
            Document unit = common(block.documentId(), doc, docTitle, statuses);
            unit.add(new StringField(Fields.UNIT, Fields.TRANSLATION, Field.Store.YES));
            unit.add(new StoredField(Fields.UNIT_STATUS, translation.status().code()));
            language(unit, translation.language());
            text(unit, translation.language(), translation.title(), translation.text());
            units.add(unit);
        }
        return units;
    }

    /** Reads a block back from its stored units (in index order). */
    public static Block fromDocuments(DocumentId id, List<Document> units) {
        SearchableDocument original = null;
        List<SearchableTranslation> translations = new ArrayList<>();
        for (Document unit : units) {
            if (Fields.ORIGINAL.equals(unit.get(Fields.UNIT))) {
                String year = unit.get(Fields.YEAR);
                List<SearchableFile> files = new ArrayList<>();
                for (String file : unit.getValues(Fields.FILES)) {
                    int cut = file.indexOf(Fields.FILE_SEPARATOR);
                    files.add(new SearchableFile(file.substring(0, cut), new Sha256(file.substring(cut + 1))));
                }
                original = new SearchableDocument(
                        id,
                        unit.get(Fields.TITLE),
                        unit.get(Fields.KIND),
                        unit.get(Fields.BODY),
                        stored(unit.get(Fields.LANG)),
                        year == null ? null : Integer.valueOf(year),
                        List.of(unit.getValues(Fields.TAG)),
                        files,
                        unit.get(Fields.TEXT));
            } else {
                translations.add(new SearchableTranslation(
                        id,
                        unit.get(Fields.LANG),
                        TranslationStatus.parse(unit.get(Fields.UNIT_STATUS)),
                        unit.get(Fields.TITLE),
                        unit.get(Fields.TEXT)));
            }
        }
        return new Block(id, original, translations);
    }

    private static String stored(String language) {
        return Languages.UNKNOWN.equals(language) ? null : language;
    }

    private static String firstTitle(List<SearchableTranslation> translations) {
        return translations.stream()
                .map(SearchableTranslation::title)
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElse("");
    }

    /** Document-level fields every unit carries: block key, facets, filters, sort keys, display fields. */
    private static Document common(DocumentId id, SearchableDocument doc, String docTitle, TreeSet<String> statuses) {
        Document unit = new Document();
        String key = id.toString();
        unit.add(new StringField(Fields.DOCUMENT_ID, key, Field.Store.YES));
        unit.add(new SortedDocValuesField(Fields.DOCUMENT_ID, new BytesRef(key)));
        unit.add(new StoredField(Fields.DOC_TITLE, docTitle));
        ICUCollationDocValuesField titleSort = new ICUCollationDocValuesField(Fields.TITLE_SORT, COLLATOR.get());
        titleSort.setStringValue(docTitle);
        unit.add(titleSort);
        for (String status : statuses) {
            keyword(unit, Fields.STATUS, status, false);
        }
        if (doc == null) {
            return unit;
        }
        unit.add(new StoredField(Fields.DOC_LANG, Languages.normalize(doc.language())));
        if (doc.kind() != null && !doc.kind().isBlank()) {
            keyword(unit, Fields.KIND, doc.kind().strip().toLowerCase(Locale.ROOT), true);
        }
        if (doc.issuingBody() != null && !doc.issuingBody().isBlank()) {
            keyword(unit, Fields.BODY, doc.issuingBody().strip(), true);
        }
        if (doc.year() != null) {
            keyword(unit, Fields.YEAR, doc.year().toString(), true);
            unit.add(new IntPoint(Fields.YEAR_POINT, doc.year()));
            unit.add(new NumericDocValuesField(Fields.YEAR_SORT, doc.year()));
        }
        for (String tag : doc.tags()) {
            if (!tag.isBlank()) {
                unit.add(new StringField(Fields.TAG, tag.strip().toLowerCase(Locale.ROOT), Field.Store.YES));
            }
        }
        for (SearchableFile file : doc.files()) {
            unit.add(new StoredField(
                    Fields.FILES,
                    file.name() + Fields.FILE_SEPARATOR + file.sha256().hex()));
        }
        return unit;
    }

    private static void keyword(Document unit, String field, String value, boolean store) {
        unit.add(new StringField(field, value, store ? Field.Store.YES : Field.Store.NO));
        unit.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void language(Document unit, String tag) {
        String language = Languages.normalize(tag);
        unit.add(new StringField(Fields.LANG, language, Field.Store.YES));
        unit.add(new SortedDocValuesField(Fields.LANG, new BytesRef(language)));
    }

    /** Text and title in the field of their language (if it has one) and in the neutral fields. */
    private static void text(Document unit, String tag, String title, String text) {
        String language = Languages.normalize(tag);
        unit.add(new StoredField(Fields.TITLE, title));
        unit.add(new StoredField(Fields.TEXT, text));
        if (Languages.analyzed(language)) {
            unit.add(new Field(Fields.text(language), text, TEXT_WITH_OFFSETS));
            unit.add(new TextField(Fields.title(language), title, Field.Store.NO));
        }
        unit.add(new Field(Fields.TEXT_ANY, text, TEXT_WITH_OFFSETS));
        unit.add(new Field(Fields.WORD_FORMS, text, WORDS));
        unit.add(new TextField(Fields.TITLE_ANY, title, Field.Store.NO));
        if (!title.isEmpty()) {
            unit.add(new TextField(Fields.TITLE_PREFIX, title, Field.Store.NO));
        }
    }

    private static void meta(Document unit, SearchableDocument doc) {
        StringBuilder meta = new StringBuilder();
        if (doc.issuingBody() != null) {
            meta.append(doc.issuingBody()).append('\n');
            unit.add(new TextField(Fields.BODY_TEXT, doc.issuingBody(), Field.Store.NO));
        }
        if (doc.kind() != null) {
            meta.append(doc.kind()).append('\n');
        }
        doc.tags().forEach(tag -> meta.append(tag).append('\n'));
        doc.files().forEach(file -> meta.append(file.name()).append('\n'));
        unit.add(new TextField(Fields.META, meta.toString(), Field.Store.NO));
    }

    /** Whether a stored unit is an original. */
    static boolean isOriginal(IndexableField unit) {
        return Fields.ORIGINAL.equals(unit.stringValue());
    }
}
