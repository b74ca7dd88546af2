package org.verso.distribution;

import java.util.UUID;

final class Ids {
    private Ids() {}

    static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new DistributionInputInvalid("invalid-id", "not a " + what + " id: " + text);
        }
    }
}
