package org.verso.boundaryfixtures.cycleinside.search.b;

import org.verso.boundaryfixtures.cycleinside.search.a.First;

public class Second {
    public First back() {
        return new First();
    }
}
