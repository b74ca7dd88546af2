package org.verso.boundaryfixtures.cycleinside.search.a;

import org.verso.boundaryfixtures.cycleinside.search.b.Second;

/** Two packages of one module using each other. */
public class First {
    public Second next() {
        return new Second();
    }
}
