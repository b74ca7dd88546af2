package org.verso.search.internal;

import org.apache.lucene.util.BytesRef;

/**
 * A matching document: its best score (relevance order only), its sort key (date or title order only) and the index
 * entries (global doc ids, ascending) that matched. Valid for the searcher that found it.
 */
final class Group {
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
