package org.verso.web.users;

import org.verso.library.NotFoundException;

/** No account has this id or name. */
public class UserNotFound extends NotFoundException {
    public UserNotFound(String what) {
        super("user-not-found", "no user " + what);
    }
}
