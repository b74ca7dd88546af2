package org.verso.boundaryfixtures.twomodulecycle.accounts;

import org.verso.boundaryfixtures.twomodulecycle.library.Catalogue;

public record Owner(String name) {
    public Catalogue catalogue() {
        return new Catalogue();
    }
}
