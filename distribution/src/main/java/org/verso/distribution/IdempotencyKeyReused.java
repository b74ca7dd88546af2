package org.verso.distribution;

import org.verso.library.InvalidInputException;

/**
 * A stock request came with an idempotency key already used for a request with another body. Nothing was moved; the
 * web layer answers 422 (the request is well-formed, but cannot be processed under this key).
 */
public class IdempotencyKeyReused extends InvalidInputException {
    IdempotencyKeyReused(String key) {
        super(
                "idempotency-key-reused",
                "the idempotency key '" + key + "' was already used for a different request; use a new key");
    }
}
