package org.verso.distribution;

import org.verso.library.NotFoundException;

/** A funder, location, edition, print run, movement or recipient that does not exist. */
public class DistributionNotFound extends NotFoundException {
    DistributionNotFound(String what, Object id) {
        super(what + "-not-found", "there is no " + what.replace('-', ' ') + " " + id);
    }
}
