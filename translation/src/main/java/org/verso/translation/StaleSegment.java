package org.verso.translation;

import java.time.Instant;
import org.verso.accounts.AccountId;
import org.verso.library.ConflictException;

/**
 * A save started from an older version of the segment than the stored one ({@code stale-segment}): both texts, and
 * who wrote the current one when. Nothing was saved.
 */
public final class StaleSegment extends ConflictException {
    private final String yours;
    private final TargetSegment current;

    StaleSegment(String yours, TargetSegment current) {
        super(
                "stale-segment",
                "The segment was saved by someone else since you started (version " + current.version()
                        + "); nothing was saved.");
        this.yours = yours;
        this.current = current;
    }

    public String yours() {
        return yours;
    }

    public TargetSegment current() {
        return current;
    }

    public AccountId by() {
        return current.by();
    }

    public Instant at() {
        return current.at();
    }
}
