package org.verso.accounts;

import org.verso.library.NotFoundException;

/** No account has this id or name. */
public class AccountNotFound extends NotFoundException {
    AccountNotFound(String what) {
        super("user-not-found", "no user " + what);
    }
}
