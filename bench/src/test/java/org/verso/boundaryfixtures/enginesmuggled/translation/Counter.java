package org.verso.boundaryfixtures.enginesmuggled.translation;

import org.apache.lucene.index.Term;

/** Lucene used (privately) by translation: the engine belongs to search. */
public class Counter {
    public int count(String word) {
        return new Term("text", word).text().length();
    }
}
