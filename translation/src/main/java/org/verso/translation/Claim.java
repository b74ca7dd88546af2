package org.verso.translation;

import java.time.Instant;
import java.util.Objects;
import org.verso.accounts.AccountId;

/**
 * Who holds a translation, exclusively, and until when (every save renews it).
 *
 * @param holder the translator holding it
 * @param until when it expires if the holder does nothing
 */
public record Claim(AccountId holder, Instant until) {
    public Claim {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(until, "until");
    }

    /** Whether the claim still holds at {@code now}. */
    public boolean heldAt(Instant now) {
        return until.isAfter(now);
    }
}
