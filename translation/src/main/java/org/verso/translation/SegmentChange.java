package org.verso.translation;

import java.time.Instant;
import org.verso.accounts.AccountId;

/** One entry of a segment's history: what was written or decided, by whom, when. */
public record SegmentChange(
        String target, SegmentStatus status, int version, AccountId by, Instant at, String comment) {}
