package org.verso.boundaryfixtures.lucenepublic.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A Lucene type in a public method of search's API. */
public class SearchApi {
    public Query parse(String word) {
        return new TermQuery(new Term("text", word));
    }

    /** Lucene inside a method body is fine: only the signature is the API. */
    public int count(String word) {
        return parse(word).toString().length();
    }
}
