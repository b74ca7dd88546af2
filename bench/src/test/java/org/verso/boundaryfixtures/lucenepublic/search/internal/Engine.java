package org.verso.boundaryfixtures.lucenepublic.search.internal;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/** Lucene in a public signature inside internal is fine. */
public class Engine {
    public Query all() {
        return new MatchAllDocsQuery();
    }
}
