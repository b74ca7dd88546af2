package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
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
 * to and its language, packed in one int per entry ({@link #entries}, read for every match: 4 bytes an entry keep a
 * segment of 100,000 documents in the core's cache), and the document's facet values as doc-values ordinals ({@link
 * #codes}, 4 bytes an entry too, read once per matching document). Reading them from arrays rather than through
 * doc-values iterators makes counting the matches of a broad query several times cheaper; keeping them small, so that
 * they stay in the processor's cache, made it cheaper again. Built once per segment core, on first use (one
 * sequential pass over its doc values), and dropped when the segment is closed; about 8 bytes per index entry.
 * Thread-safe; the arrays are never written after they are built.
 */
final class Ordinals {
    private static final Map<IndexReader.CacheKey, Ordinals> BUILT = new ConcurrentHashMap<>();

    /**
     * Per entry: -1 when it is not a library unit, else its block number in the upper bits (blocks numbered in doc
     * order, modulo what the bits hold: adjacent blocks always differ, which is all a pass needs to tell where a
     * document's entries end) and its language ordinal + 1 ({@link Fields#LANG}; 0 for none) in the lower {@link
     * #languageBits}.
     */
    final int[] entries;

    final int languageBits;
    final int languageMask;

    /**
     * Per entry, the document's facet values packed in one int: per document facet a bit field at {@link #shift}
     * under {@link #mask} holding 0 for no value, ordinal + 1 for one value, or the mask itself when the value is
     * listed in {@link #more} (several values; and every value of a facet whose field did not fit, mask 0).
     */
    final int[] codes;

    private final int[] shift;
    private final int[] mask;

    /** Sorted keys (entry × {@link #FACETS_MAX} + facet) of values listed in {@link #more}, and where. */
    private final long[] listedKeys;

    private final int[] listedAt;
    /** At each listed place a count, then that many ordinals. */
    final int[] more;

    final int languageCount;
    final int[] valueCount;

    /** {@link #value} of a facet whose values are listed in {@link #more}: see {@link #listed}. */
    static final int LISTED = -2;

    private static final int FACETS_MAX = 8;

    private Ordinals(
            int[] entries,
            int languageBits,
            int[] codes,
            int[] shift,
            int[] mask,
            long[] listedKeys,
            int[] listedAt,
            int[] more,
            int languageCount,
            int[] valueCount) {
        this.entries = entries;
        this.languageBits = languageBits;
        this.languageMask = (1 << languageBits) - 1;
        this.codes = codes;
        this.shift = shift;
        this.mask = mask;
        this.listedKeys = listedKeys;
        this.listedAt = listedAt;
        this.more = more;
        this.languageCount = languageCount;
        this.valueCount = valueCount;
    }

    /** The block of an entry (non-negative {@link #entries} value): equal for the entries of one document. */
    int block(int entry) {
        return entry >>> languageBits;
    }

    /** The language ordinal of an entry (non-negative {@link #entries} value), -1 for none. */
    int language(int entry) {
        return (entry & languageMask) - 1;
    }

    /**
     * The value of document facet {@code facet} in an entry's {@link #codes code}: its ordinal, -1 for none, or
     * {@link #LISTED} when its values are in {@link #more} at {@link #listed}.
     */
    int value(int code, int facet) {
        int m = mask[facet];
        if (m == 0) {
            return LISTED;
        }
        int v = (code >>> shift[facet]) & m;
        return v == m ? LISTED : v - 1;
    }

    /** Where in {@link #more} the values of a facet of an entry are listed (a count, then ordinals); -1: nowhere. */
    int listed(int entry, int facet) {
        int at = Arrays.binarySearch(listedKeys, (long) entry * FACETS_MAX + facet);
        return at < 0 ? -1 : listedAt[at];
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
        SortedDocValues languages = DocValues.getSorted(reader, Fields.LANG);
        int languageCount = languages.getValueCount();
        // ordinals 0..languageCount-1 stored + 1; at least one bit of block number is left (31 bits in all)
        int languageBits = Math.min(30, 32 - Integer.numberOfLeadingZeros(languageCount));
        int blockMask = (1 << (31 - languageBits)) - 1;
        int[] entries = new int[maxDoc];
        Arrays.fill(entries, -1);
        SortedDocValues blocks = DocValues.getSorted(reader, Fields.DOCUMENT_ID);
        int block = -1;
        int previousOrd = -1;
        for (int doc = blocks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = blocks.nextDoc()) {
            int ord = blocks.ordValue();
            if (ord != previousOrd) {
                block++;
                previousOrd = ord;
            }
            entries[doc] = (block & blockMask) << languageBits;
        }
        for (int doc = languages.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = languages.nextDoc()) {
            if (entries[doc] >= 0) {
                entries[doc] |= languages.ordValue() + 1;
            }
        }
        int facetCount = facetFields.size();
        if (facetCount > FACETS_MAX) {
            throw new IllegalArgumentException("at most " + FACETS_MAX + " facets");
        }
        List<SortedSetDocValues> values = new ArrayList<>();
        int[] valueCount = new int[facetCount];
        int[] shift = new int[facetCount];
        int[] mask = new int[facetCount];
        int used = 0;
        for (int f = 0; f < facetCount; f++) {
            values.add(DocValues.getSortedSet(reader, facetFields.get(f)));
            valueCount[f] = (int) values.get(f).getValueCount();
            // 0 (none), ordinal + 1, and the mask (listed) must fit; a facet with too many values is always listed
            int width = 32 - Integer.numberOfLeadingZeros(valueCount[f] + 1);
            if (used + width <= 32) {
                shift[f] = used;
                mask[f] = (int) ((1L << width) - 1);
                used += width;
            }
        }
        int[] codes = new int[maxDoc];
        long[] listedKeys = new long[16];
        int[] listedAt = new int[16];
        int listedCount = 0;
        int[] more = new int[16];
        int moreSize = 0;
        for (int doc = 0; doc < maxDoc; doc++) { // doc by doc, facet by facet: the listed keys come sorted
            int code = 0;
            for (int f = 0; f < facetCount; f++) {
                SortedSetDocValues facet = values.get(f);
                if (facet.docID() < doc) {
                    facet.advance(doc);
                }
                if (facet.docID() != doc) {
                    continue;
                }
                int count = facet.docValueCount();
                if (count == 1 && mask[f] != 0) {
                    code |= ((int) facet.nextOrd() + 1) << shift[f];
                    continue;
                }
                code |= mask[f] << shift[f];
                if (listedCount == listedKeys.length) {
                    listedKeys = Arrays.copyOf(listedKeys, listedCount * 2);
                    listedAt = Arrays.copyOf(listedAt, listedCount * 2);
                }
                listedKeys[listedCount] = (long) doc * FACETS_MAX + f;
                listedAt[listedCount++] = moreSize;
                if (moreSize + count + 1 > more.length) {
                    more = Arrays.copyOf(more, Math.max(more.length * 2, moreSize + count + 1));
                }
                more[moreSize++] = count;
                for (int n = 0; n < count; n++) {
                    more[moreSize++] = (int) facet.nextOrd();
                }
            }
            codes[doc] = code;
        }
        return new Ordinals(
                entries,
                languageBits,
                codes,
                shift,
                mask,
                Arrays.copyOf(listedKeys, listedCount),
                Arrays.copyOf(listedAt, listedCount),
                Arrays.copyOf(more, moreSize),
                languageCount,
                valueCount);
    }
}
