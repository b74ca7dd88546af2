package org.verso.boundaryfixtures.keepsrules.search.internal;

import org.apache.lucene.index.Term;

public class Index {
    public int size(String word) {
        return new Term("text", word).text().length();
    }
}
