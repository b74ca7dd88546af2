package org.verso.boundaryfixtures.keepsrules.translation;

import org.verso.boundaryfixtures.keepsrules.library.Text;

public class Translations {
    public Text of(Text source) {
        return new Text(source.value().toUpperCase(java.util.Locale.ROOT));
    }
}
