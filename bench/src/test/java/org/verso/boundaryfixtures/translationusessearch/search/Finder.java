package org.verso.boundaryfixtures.translationusessearch.search;

import org.verso.boundaryfixtures.translationusessearch.library.Text;

public class Finder {
    public int find(Text text) {
        return text.value().length();
    }
}
