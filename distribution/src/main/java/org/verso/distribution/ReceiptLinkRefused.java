package org.verso.distribution;

import org.verso.library.ForbiddenOperationException;

/**
 * A receipt link that does not open: {@code receipt-link-expired} or {@code receipt-link-revoked} (an unknown or
 * guessed link is {@link DistributionNotFound} {@code receipt-link-not-found}). Every code starts with {@code
 * receipt-link-}, so that callers can count wrong links per client.
 */
public class ReceiptLinkRefused extends ForbiddenOperationException {
    ReceiptLinkRefused(String code, String message) {
        super(code, message);
    }
}
