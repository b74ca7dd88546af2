package org.verso.translation;

import java.time.Instant;
import org.verso.accounts.AccountId;
import org.verso.library.ConflictException;

/** Someone else holds the translation ({@code translation-claimed}): who, and until when. */
public final class TranslationClaimed extends ConflictException {
    private final AccountId holder;
    private final Instant until;

    TranslationClaimed(AccountId holder, Instant until) {
        super("translation-claimed", "Another translator holds this translation until " + until + ".");
        this.holder = holder;
        this.until = until;
    }

    public AccountId holder() {
        return holder;
    }

    public Instant until() {
        return until;
    }
}
