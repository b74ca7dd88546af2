package org.verso.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * What a counting pass reads for every match, per segment, in plain arrays: the block (document) each entry belongs
 * to, its language and the document's facet values, as doc-values ordinals. Reading them from arrays rather than
 * through doc-values iterators makes counting the matches of a broad query several times cheaper. Built once per
 * segment core, on first use (one sequential pass over its doc values), and dropped when the segment is closed; about
 * 25 bytes per index entry. Thread-safe; the arrays are never written after they are built.
 */
final class Ordinals {
    private static final Map<IndexReader.CacheKey, Ordinals> BUILT = new ConcurrentHashMap<>();

    /** Slots per entry in {@link #packed}: block, language, then one per document facet. */
    final int stride;
    /**
     * Per entry, {@code stride} ints side by side (one cache line serves an entry): block key ordinal ({@link
     * Fields#DOCUMENT_ID}), language ordinal ({@link Fields#LANG}), then per document facet its ordinal; -1 for none;
     * {@code -2 - i} when the entry has several values, listed in {@link #more} at i as a count and the ordinals.
     */
    final int[] packed;

    final int[] more;
    final int languageCount;
    final int[] valueCount;

    private Ordinals(int stride, int[] packed, int[] more, int languageCount, int[] valueCount) {
        this.stride = stride;
        this.packed = packed;
        this.more = more;
        this.languageCount = languageCount;
        this.valueCount = valueCount;
    }

    /** The ordinals of a segment, built on first use and kept while its core is open. */
    static Ordinals of(LeafReader reader, List<String> facetFields) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return build(reader, facetFields);
        }
        IndexReader.CacheKey key = helper.getKey();
        Ordinals ordinals = BUILT.get(key);
        if (ordinals == null) {
            ordinals = build(reader, facetFields);
            if (BUILT.putIfAbsent(key, ordinals) == null) {
                helper.addClosedListener(BUILT::remove);
            }
        }
        return ordinals;
    }

    private static Ordinals build(LeafReader reader, List<String> facetFields) throws IOException {
        int maxDoc = reader.maxDoc();
        int stride = 2 + facetFields.size();
        int[] packed = new int[Math.multiplyExact(maxDoc, stride)];
        Arrays.fill(packed, -1);
        SortedDocValues blocks = DocValues.getSorted(reader, Fields.DOCUMENT_ID);
        for (int doc = blocks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = blocks.nextDoc()) {
            packed[doc * stride] = blocks.ordValue();
        }
        SortedDocValues languages = DocValues.getSorted(reader, Fields.LANG);
        for (int doc = languages.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = languages.nextDoc()) {
            packed[doc * stride + 1] = languages.ordValue();
        }
        int[] more = new int[16];
        int moreSize = 0;
        int[] valueCount = new int[facetFields.size()];
        for (int f = 0; f < facetFields.size(); f++) {
            SortedSetDocValues values = DocValues.getSortedSet(reader, facetFields.get(f));
            valueCount[f] = (int) values.getValueCount();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                int count = values.docValueCount();
                if (count == 1) {
                    packed[doc * stride + 2 + f] = (int) values.nextOrd();
                    continue;
                }
                if (moreSize + count + 1 > more.length) {
                    more = Arrays.copyOf(more, Math.max(more.length * 2, moreSize + count + 1));
                }
                packed[doc * stride + 2 + f] = -2 - moreSize;
                more[moreSize++] = count;
                for (int n = 0; n < count; n++) {
                    more[moreSize++] = (int) values.nextOrd();
                }
            }
        }
        return new Ordinals(stride, packed, Arrays.copyOf(more, moreSize), languages.getValueCount(), valueCount);
    }
}
