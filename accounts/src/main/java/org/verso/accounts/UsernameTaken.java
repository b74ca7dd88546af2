package org.verso.accounts;

import org.verso.library.ConflictException;

/** Another account already has this user name. */
public class UsernameTaken extends ConflictException {
    UsernameTaken(String username) {
        super("username-taken", "the user name '" + username + "' is already taken");
    }
}
