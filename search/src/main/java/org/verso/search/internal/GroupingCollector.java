package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.verso.search.SortOrder;

/**
 * Collects matching units into documents (one group per block) in one pass: counts the matching documents, counts
 * facet values per document rather than per unit and keeps the best {@code topN} documents (by date, title or, when
 * it reads scores, by their best entry's score) with the units that matched. Relies on the units of a block being adjacent in one segment
 * (see {@link Fields}). Leaves are collected one after the other, each possibly in several windows (a sample). Not
 * thread-safe.
 */
final class GroupingCollector implements Collector {
    /** The facets counted per document, by their API names. */
    static final List<String> DOCUMENT_FACETS = List.of("kind", "body", "status", "year");

    static final String LANGUAGE_FACET = "lang";

    private static final Map<String, String> FIELD_OF =
            Map.of("kind", Fields.KIND, "body", Fields.BODY, "status", Fields.STATUS, "year", Fields.YEAR);

    /** The index fields of {@link #DOCUMENT_FACETS}, in their order. */
    static final List<String> FACET_FIELDS =
            DOCUMENT_FACETS.stream().map(FIELD_OF::get).toList();

    private final SortOrder sort;
    private final int topN;
    private final Comparator<Group> order;
    private final PriorityQueue<Group> worstFirst;
    private final Map<String, Map<String, Long>> facets = new HashMap<>();
    private long total;

    private final boolean scores;
    private final FacetFilters filters;

    /**
     * @param topN how many of the best documents to keep; 0 for none
     * @param scores whether the scorer's scores are read (relevance order: the best documents by their best entry)
     * @param filters the search's facet filters. The collector is given the matches of the text that pass all
     *     filters but at most one ({@link FacetFilters#sideways}): a document passing all counts in the total, the
     *     facets and the best documents (with its entries that pass); one failing a single facet's filter counts in
     *     that facet only. Each facet is thus counted with the filters of the others (drill sideways).
     */
    GroupingCollector(SortOrder sort, int topN, boolean scores, FacetFilters filters) {
        this.sort = sort;
        this.scores = scores;
        this.filters = filters;
        this.topN = sort != SortOrder.RELEVANCE || scores ? topN : 0;
        this.order = order(sort);
        this.worstFirst = new PriorityQueue<>(Math.max(1, this.topN), order.reversed());
    }

    /** Best first: by score, newest year or title; ties by index order. */
    static Comparator<Group> order(SortOrder sort) {
        Comparator<Group> byDoc = Comparator.comparingInt(g -> g.firstDoc);
        return switch (sort) {
            case RELEVANCE -> Comparator.<Group>comparingDouble(g -> -g.score).thenComparing(byDoc);
            case DATE -> Comparator.<Group>comparingLong(g -> g.year).reversed().thenComparing(byDoc);
            case TITLE -> Comparator.<Group, BytesRef>comparing(g -> g.title).thenComparing(byDoc);
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return scores ? ScoreMode.TOP_SCORES : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context);
    }

    /** How many best documents it keeps (0: it ranks nothing). */
    int depth() {
        return topN;
    }

    long total() {
        return total;
    }

    /** Per facet, the number of documents having each value. */
    Map<String, Map<String, Long>> facets() {
        return facets;
    }

    /** The collected best documents, best first. */
    List<Group> top() {
        List<Group> groups = new ArrayList<>(worstFirst);
        groups.sort(order);
        return groups;
    }

    private void offer(Group group) {
        if (worstFirst.size() < topN) {
            worstFirst.add(group);
        } else if (order.compare(group, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(group);
        }
    }

    private final class Leaf implements LeafCollector {
        private final LeafReader reader;
        private final int docBase;
        private final Ordinals ordinals;
        private final int[] entries;
        private final int[] codes;
        private final NumericDocValues years;
        private final SortedDocValues titles;
        private final long[][] documentCounts = new long[DOCUMENT_FACETS.size()][];
        private final long[] languageCounts;
        /** Per document facet, the ordinals its filter accepts; null when not filtered. */
        private final boolean[][] accepted = new boolean[DOCUMENT_FACETS.size()][];
        /** The language ordinals the language filter accepts; null when not filtered. */
        private final boolean[] acceptedLanguages;

        private Scorable scorer;
        private int block = -1;
        private int blockFirst;
        /** The document's facet values ({@link Ordinals#codes}). */
        private int blockCode;

        private float blockScore;
        /** Bit i: the document fails the filter of document facet i. */
        private int blockFails;
        /** Whether an entry of the block seen so far passes the language filter (always, without one). */
        private boolean blockLanguagePasses;

        private int[] blockUnits = new int[8];
        private int blockUnitCount;
        /** Languages (ords) matched in the current block: few, so a small array beats a set. */
        private int[] blockLanguages = new int[8];

        private int blockLanguageCount;

        Leaf(LeafReaderContext context) throws IOException {
            reader = context.reader();
            docBase = context.docBase;
            ordinals = Ordinals.of(reader, FACET_FIELDS);
            entries = ordinals.entries;
            codes = ordinals.codes;
            years = DocValues.getNumeric(reader, Fields.YEAR_SORT);
            titles = DocValues.getSorted(reader, Fields.TITLE_SORT);
            for (int i = 0; i < documentCounts.length; i++) {
                documentCounts[i] = new long[ordinals.valueCount[i]];
            }
            languageCounts = new long[ordinals.languageCount];
            for (int i = 0; i < accepted.length; i++) {
                List<BytesRef> values = filters.documents.get(i);
                if (!values.isEmpty()) {
                    SortedSetDocValues terms = DocValues.getSortedSet(reader, FACET_FIELDS.get(i));
                    accepted[i] = new boolean[ordinals.valueCount[i]];
                    for (BytesRef value : values) {
                        long ord = terms.lookupTerm(value);
                        if (ord >= 0) {
                            accepted[i][(int) ord] = true;
                        }
                    }
                }
            }
            if (filters.languages.isEmpty()) {
                acceptedLanguages = null;
            } else {
                SortedDocValues terms = DocValues.getSorted(reader, Fields.LANG);
                acceptedLanguages = new boolean[ordinals.languageCount];
                for (BytesRef value : filters.languages) {
                    int ord = terms.lookupTerm(value);
                    if (ord >= 0) {
                        acceptedLanguages[ord] = true;
                    }
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            int entry = entries[doc];
            if (entry < 0) {
                return; // not a library unit
            }
            int key = ordinals.block(entry);
            if (key != block) {
                endBlock();
                startBlock(key, doc);
            }
            int language = ordinals.language(entry);
            if (language >= 0) {
                addLanguage(language);
            }
            if (acceptedLanguages != null && (language < 0 || !acceptedLanguages[language])) {
                return; // another language's entry: it counts in the language facet only
            }
            blockLanguagePasses = true;
            if (scores) {
                blockScore = Math.max(blockScore, scorer.score());
            }
            if (topN > 0) {
                if (blockUnitCount == blockUnits.length) {
                    blockUnits = Arrays.copyOf(blockUnits, blockUnitCount * 2);
                }
                blockUnits[blockUnitCount++] = docBase + doc;
            }
        }

        private void addLanguage(int language) {
            for (int i = 0; i < blockLanguageCount; i++) {
                if (blockLanguages[i] == language) {
                    return;
                }
            }
            if (blockLanguageCount == blockLanguages.length) {
                blockLanguages = Arrays.copyOf(blockLanguages, blockLanguageCount * 2);
            }
            blockLanguages[blockLanguageCount++] = language;
        }

        private void startBlock(int key, int doc) throws IOException {
            block = key;
            blockFirst = doc;
            blockScore = 0f;
            blockUnitCount = 0;
            blockLanguageCount = 0;
            blockLanguagePasses = false;
            blockFails = 0;
            blockCode = codes[doc];
            for (int i = 0; i < accepted.length; i++) {
                if (accepted[i] != null && !passes(i, doc)) {
                    blockFails |= 1 << i;
                }
            }
        }

        /** Whether the current block's document (entry {@code doc}, code {@link #blockCode}) has a value of document facet i that its filter accepts. */
        private boolean passes(int facet, int doc) {
            int ord = ordinals.value(blockCode, facet);
            if (ord >= 0) {
                return accepted[facet][ord];
            }
            int listed = ord == Ordinals.LISTED ? ordinals.listed(doc, facet) : -1;
            if (listed >= 0) {
                int[] more = ordinals.more;
                for (int n = listed, end = n + 1 + more[n]; ++n < end; ) {
                    if (accepted[facet][more[n]]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Counts the current block's document (entry {@code doc}, code {@link #blockCode}) under its values of document facet i. */
        private void countDocument(int facet, int doc) {
            int ord = ordinals.value(blockCode, facet);
            if (ord >= 0) {
                documentCounts[facet][ord]++;
                return;
            }
            int listed = ord == Ordinals.LISTED ? ordinals.listed(doc, facet) : -1;
            if (listed >= 0) {
                int[] more = ordinals.more;
                for (int n = listed, end = n + 1 + more[n]; ++n < end; ) {
                    documentCounts[facet][more[n]]++;
                }
            }
        }

        private void endBlock() throws IOException {
            if (block < 0) {
                return;
            }
            int fails = blockFails;
            block = -1;
            if (fails == 0) { // the languages matched, counted with the other facets' filters
                for (int i = 0; i < blockLanguageCount; i++) {
                    languageCounts[blockLanguages[i]]++;
                }
            }
            if (!blockLanguagePasses || Integer.bitCount(fails) > 1) {
                return;
            }
            if (fails != 0) { // fails one facet's filter: counts among that facet's alternatives only
                countDocument(Integer.numberOfTrailingZeros(fails), blockFirst);
                return;
            }
            total++;
            for (int i = 0; i < documentCounts.length; i++) {
                countDocument(i, blockFirst);
            }
            if (topN > 0 && competitive(blockFirst)) {
                Group group = new Group(
                        blockScore,
                        year(blockFirst),
                        title(blockFirst),
                        docBase + blockFirst,
                        Arrays.copyOf(blockUnits, blockUnitCount));
                offer(group);
            }
        }

        /** Whether the block can enter the queue, checked before anything is copied (later docs lose ties). */
        private boolean competitive(int doc) throws IOException {
            if (worstFirst.size() < topN) {
                return true;
            }
            Group worst = worstFirst.peek();
            if (sort == SortOrder.RELEVANCE) {
                return blockScore > worst.score;
            }
            if (sort == SortOrder.DATE) {
                return year(doc) > worst.year;
            }
            return titles.advanceExact(doc)
                    && titles.lookupOrd(titles.ordValue()).compareTo(worst.title) < 0;
        }

        private long year(int doc) throws IOException {
            return sort == SortOrder.DATE && years.advanceExact(doc) ? years.longValue() : Long.MIN_VALUE;
        }

        private BytesRef title(int doc) throws IOException {
            if (sort == SortOrder.TITLE && titles.advanceExact(doc)) {
                return BytesRef.deepCopyOf(titles.lookupOrd(titles.ordValue()));
            }
            return new BytesRef(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        }

        @Override
        public void finish() throws IOException {
            endBlock();
            for (int i = 0; i < documentCounts.length; i++) {
                count(
                        DOCUMENT_FACETS.get(i),
                        documentCounts[i],
                        DocValues.getSortedSet(reader, FACET_FIELDS.get(i))::lookupOrd);
            }
            count(LANGUAGE_FACET, languageCounts, DocValues.getSorted(reader, Fields.LANG)::lookupOrd);
        }

        private interface Lookup {
            BytesRef value(int ord) throws IOException;
        }

        private void count(String facet, long[] counts, Lookup lookup) throws IOException {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    facets.computeIfAbsent(facet, f -> new HashMap<>())
                            .merge(lookup.value(ord).utf8ToString(), counts[ord], Long::sum);
                }
            }
        }
    }
}
