package org.verso.distribution;

import org.verso.library.ConflictException;

/** The request conflicts with the current state (a frozen edition, a closed print run, a name taken). */
public class DistributionConflict extends ConflictException {
    DistributionConflict(String code, String message) {
        super(code, message);
    }
}
