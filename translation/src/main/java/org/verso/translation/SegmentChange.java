package org.verso.translation;

import java.time.Instant;
import org.verso.accounts.AccountId;

/**
 * One entry of a segment's history: what was written or decided, by whom, when.
 *
 * @param fromMemory the text was filled in from the translation memory when the translation was opened ({@code by} is
 *     who opened it)
 */
public record SegmentChange(
        String target,
        SegmentStatus status,
        int version,
        AccountId by,
        Instant at,
        String comment,
        boolean fromMemory) {}
