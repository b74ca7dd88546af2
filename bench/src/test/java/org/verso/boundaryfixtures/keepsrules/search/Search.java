package org.verso.boundaryfixtures.keepsrules.search;

import org.verso.boundaryfixtures.keepsrules.library.Text;
import org.verso.boundaryfixtures.keepsrules.search.internal.Index;
import org.verso.boundaryfixtures.keepsrules.translation.Translations;

/** Search using library and translation (declared), Lucene only in its own internal package. */
public class Search {
    public int find(Text text) {
        return new Index().size(new Translations().of(text).value());
    }
}
