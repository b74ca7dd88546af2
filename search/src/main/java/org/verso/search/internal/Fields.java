package org.verso.search.internal;

/**
 * Field names of the library index. Every document of the catalogue is one <em>block</em> of index entries (units):
 * its original first, then one unit per translation, written and replaced together by {@code updateDocuments} on the
 * document id, so that the units of a document always sit side by side in one segment. Search relies on that to
 * group hits by document and to count facets per document in one pass.
 */
public final class Fields {
    /** Keyword + sorted doc values: the block key ({@code updateDocuments} term, grouping). Stored. */
    public static final String DOCUMENT_ID = "documentId";
    /** Keyword, stored: {@code original} or {@code translation}. */
    public static final String UNIT = "unit";
    /** Keyword + sorted doc values (language facet, filter): the unit's language. Stored. */
    public static final String LANG = "lang";
    /** Keyword + sorted-set doc values, on every unit (document-level facets and filters). */
    public static final String KIND = "kind";

    public static final String BODY = "body";
    public static final String YEAR = "year";
    /** Statuses of all the document's translations, on every unit; a translation unit's own status is stored. */
    public static final String STATUS = "status";

    public static final String TAG = "tag";
    /** Its own status, stored on a translation unit. */
    public static final String UNIT_STATUS = "unitStatus";
    /** Point of the year, for {@code year:[1948 TO 1966]}. */
    public static final String YEAR_POINT = "yearPoint";
    /** Numeric doc values, for sorting by date (newest first). */
    public static final String YEAR_SORT = "yearSort";
    /** ICU root-collation key of the document's title, for sorting by title. */
    public static final String TITLE_SORT = "titleSort";
    /** Stored display fields of the document, repeated on every unit so that any matching unit can show the hit. */
    public static final String DOC_TITLE = "docTitle";

    public static final String DOC_LANG = "docLang";
    public static final String FILES = "files";
    /** Stored: the unit's own title and full text (highlighting reads it; rebuilding a block reads it back). */
    public static final String TITLE = "title";

    public static final String TEXT = "text";
    /** Analysed, neutral: issuing body, kind, tags and file names of the document (original unit only). */
    public static final String META = "meta";
    /** Analysed, neutral: issuing body, for {@code body:} in the query language. */
    public static final String BODY_TEXT = "bodyText";
    /** Edge n-grams of a unit's title, for search-as-you-type. Stored title is {@link #TITLE}. */
    public static final String TITLE_PREFIX = "titlePrefix";
    /** Language-neutral analysed text and title, on every unit, whatever its language. */
    public static final String TEXT_ANY = "text_any";

    public static final String TITLE_ANY = "title_any";

    /**
     * Every word of a unit's text as written, keyed by its folded form ({@code wurde␟Würde}): spelling suggestions are
     * shown with their accents and capitals. Indexed (documents only), not stored.
     */
    public static final String WORD_FORMS = "wordForms";

    public static final String ORIGINAL = "original";
    public static final String TRANSLATION = "translation";

    /** Separates name and SHA-256 of a stored file entry. */
    static final char FILE_SEPARATOR = '\u001f';

    private Fields() {}

    /** The stemmed text field of an analysed language. */
    public static String text(String language) {
        return "text_" + language;
    }

    /** The stemmed title field of an analysed language. */
    public static String title(String language) {
        return "title_" + language;
    }
}
