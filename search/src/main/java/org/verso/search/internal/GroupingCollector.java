package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
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
 * Collects matching units into documents (one group per block) in one pass: keeps the best {@code topN} documents in
 * the requested order with the units that matched, counts all matching documents, and counts facet values per
 * document rather than per unit. Relies on the units of a block being adjacent in one segment (see {@link Fields}).
 * Not thread-safe: one instance per leaf slice.
 */
final class GroupingCollector implements Collector {
    /** The facets counted per document, by their API names. */
    static final List<String> DOCUMENT_FACETS = List.of("kind", "body", "status", "year");

    static final String LANGUAGE_FACET = "lang";

    private static final Map<String, String> FIELD_OF =
            Map.of("kind", Fields.KIND, "body", Fields.BODY, "status", Fields.STATUS, "year", Fields.YEAR);

    /** A matching document: its best score, sort key and the units (global doc ids) that matched. */
    static final class Group {
        final float score;
        final long year;
        final BytesRef title;
        final int firstDoc;
        final int[] units;

        Group(float score, long year, BytesRef title, int firstDoc, int[] units) {
            this.score = score;
            this.year = year;
            this.title = title;
            this.firstDoc = firstDoc;
            this.units = units;
        }
    }

    private final SortOrder sort;
    private final int topN;
    private final Comparator<Group> order;
    private final PriorityQueue<Group> worstFirst;
    private final Map<String, Map<String, Long>> facets = new HashMap<>();
    private long total;

    GroupingCollector(SortOrder sort, int topN) {
        this.sort = sort;
        this.topN = topN;
        this.order = order(sort);
        this.worstFirst = new PriorityQueue<>(Math.max(1, topN), order.reversed());
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
        return scores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Scores matter only when ranking documents here by relevance. */
    private boolean scores() {
        return sort == SortOrder.RELEVANCE && topN > 0;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context);
    }

    long total() {
        return total;
    }

    Map<String, Map<String, Long>> facets() {
        return facets;
    }

    /** The collected best documents, best first. */
    List<Group> top() {
        List<Group> groups = new ArrayList<>(worstFirst);
        groups.sort(order);
        return groups;
    }

    /** Merges collectors of other slices into one result (blocks never span slices). */
    static GroupingCollector merge(List<GroupingCollector> collectors, SortOrder sort, int topN) {
        GroupingCollector merged = new GroupingCollector(sort, topN);
        for (GroupingCollector c : collectors) {
            merged.total += c.total;
            c.worstFirst.forEach(merged::offer);
            c.facets.forEach((facet, counts) -> counts.forEach((value, count) ->
                    merged.facets.computeIfAbsent(facet, f -> new HashMap<>()).merge(value, count, Long::sum)));
        }
        return merged;
    }

    private void offer(Group group) {
        if (topN == 0) {
            return;
        }
        if (worstFirst.size() < topN) {
            worstFirst.add(group);
        } else if (order.compare(group, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(group);
        }
    }

    private final class Leaf implements LeafCollector {
        private final int docBase;
        private final SortedDocValues blockKeys;
        private final SortedDocValues languages;
        private final NumericDocValues years;
        private final SortedDocValues titles;
        private final SortedSetDocValues[] documentFacets = new SortedSetDocValues[DOCUMENT_FACETS.size()];
        private final long[][] documentCounts = new long[DOCUMENT_FACETS.size()][];
        private final long[] languageCounts;
        private Scorable scorer;

        private int block = -1;
        private float blockScore;
        private int blockFirst;
        private final List<Integer> blockUnits = new ArrayList<>();
        /** Languages (ords) matched in the current block: few, so a small array beats a set. */
        private int[] blockLanguages = new int[8];

        private int blockLanguageCount;

        Leaf(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            docBase = context.docBase;
            blockKeys = DocValues.getSorted(reader, Fields.DOCUMENT_ID);
            languages = DocValues.getSorted(reader, Fields.LANG);
            years = DocValues.getNumeric(reader, Fields.YEAR_SORT);
            titles = DocValues.getSorted(reader, Fields.TITLE_SORT);
            for (int i = 0; i < documentFacets.length; i++) {
                documentFacets[i] = DocValues.getSortedSet(reader, FIELD_OF.get(DOCUMENT_FACETS.get(i)));
                documentCounts[i] = new long[(int) documentFacets[i].getValueCount()];
            }
            languageCounts = new long[languages.getValueCount()];
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (!blockKeys.advanceExact(doc)) {
                return; // not a library unit
            }
            int key = blockKeys.ordValue();
            if (key != block) {
                endBlock();
                startBlock(key, doc);
            }
            float score = scorer != null && scores() ? scorer.score() : 0f;
            blockScore = Math.max(blockScore, score);
            if (topN > 0) {
                blockUnits.add(docBase + doc);
            }
            if (languages.advanceExact(doc)) {
                addLanguage(languages.ordValue());
            }
        }

        private void addLanguage(int language) {
            for (int i = 0; i < blockLanguageCount; i++) {
                if (blockLanguages[i] == language) {
                    return;
                }
            }
            if (blockLanguageCount == blockLanguages.length) {
                blockLanguages = java.util.Arrays.copyOf(blockLanguages, blockLanguageCount * 2);
            }
            blockLanguages[blockLanguageCount++] = language;
        }

        private void startBlock(int key, int doc) throws IOException {
            block = key;
            blockScore = Float.NEGATIVE_INFINITY;
            blockFirst = doc;
            blockUnits.clear();
            blockLanguageCount = 0;
            for (int i = 0; i < documentFacets.length; i++) {
                SortedSetDocValues values = documentFacets[i];
                if (values.advanceExact(doc)) {
                    for (int n = 0; n < values.docValueCount(); n++) {
                        documentCounts[i][(int) values.nextOrd()]++;
                    }
                }
            }
        }

        private void endBlock() throws IOException {
            if (block < 0) {
                return;
            }
            total++;
            for (int i = 0; i < blockLanguageCount; i++) {
                languageCounts[blockLanguages[i]]++;
            }
            if (topN > 0 && (worstFirst.size() < topN || competitive())) {
                offer(new Group(
                        blockScore,
                        year(blockFirst),
                        title(blockFirst),
                        docBase + blockFirst,
                        blockUnits.stream().mapToInt(Integer::intValue).toArray()));
            }
            block = -1;
        }

        /** Cheap pre-check for relevance order, to avoid building groups that cannot enter the queue. */
        private boolean competitive() {
            return sort != SortOrder.RELEVANCE || blockScore >= worstFirst.peek().score;
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
            for (int i = 0; i < documentFacets.length; i++) {
                count(DOCUMENT_FACETS.get(i), documentCounts[i], documentFacets[i]::lookupOrd);
            }
            count(LANGUAGE_FACET, languageCounts, languages::lookupOrd);
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
