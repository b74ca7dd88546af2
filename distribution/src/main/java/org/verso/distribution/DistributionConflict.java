package org.verso.distribution;

import java.util.Map;
import org.verso.library.ConflictException;

/** The request conflicts with the current state (a frozen edition, a closed print run, a name taken). */
public class DistributionConflict extends ConflictException {
    private final Map<String, Object> properties;

    DistributionConflict(String code, String message) {
        this(code, message, Map.of());
    }

    DistributionConflict(String code, String message, Map<String, Object> properties) {
        super(code, message);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
