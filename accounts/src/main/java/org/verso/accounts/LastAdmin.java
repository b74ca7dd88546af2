package org.verso.accounts;

import org.verso.library.ConflictException;

/** The change would leave Verso without an enabled admin, and so without anyone able to manage accounts. */
public class LastAdmin extends ConflictException {
    LastAdmin() {
        super("last-admin", "this is the last enabled admin: make another admin first");
    }
}
