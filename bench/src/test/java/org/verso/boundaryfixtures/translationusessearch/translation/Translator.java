package org.verso.boundaryfixtures.translationusessearch.translation;

import org.verso.boundaryfixtures.translationusessearch.library.Text;
import org.verso.boundaryfixtures.translationusessearch.search.Finder;

/** Translation importing search: search may use translation, not the other way round. */
public class Translator {
    public int translate(Text text) {
        return new Finder().find(text);
    }
}
