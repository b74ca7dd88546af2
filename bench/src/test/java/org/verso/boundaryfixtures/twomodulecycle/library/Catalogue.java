package org.verso.boundaryfixtures.twomodulecycle.library;

import org.verso.boundaryfixtures.twomodulecycle.accounts.Owner;

/** library using accounts, which uses library: a cycle of two modules. */
public class Catalogue {
    public Owner ownerOf(String title) {
        return new Owner(title);
    }
}
