package org.verso.distribution;

import java.time.Instant;
import org.verso.accounts.AccountId;

/**
 * One line of the append-only stock ledger: what happened to the copies of one edition at one location paid by one
 * funder. Never changed or deleted; a correction is another movement that {@link #reverses} this one.
 *
 * @param quantity signed: what the movement did to the item's balance
 * @param balanceAfter the item's balance right after this movement (the running balance)
 * @param requestKey the idempotency key of the request that made it
 * @param printRun the print run whose receipt made it, or {@code null}
 * @param reverses the movement this one reverses, or {@code null}
 */
public record Movement(
        long id,
        String requestKey,
        MovementType type,
        EditionId edition,
        LocationId location,
        FunderId funder,
        int quantity,
        int balanceAfter,
        String reason,
        PrintRunId printRun,
        Long reverses,
        AccountId actor,
        Instant at) {}
