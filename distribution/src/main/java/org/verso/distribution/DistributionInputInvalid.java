package org.verso.distribution;

import java.util.Map;
import org.verso.library.InvalidInputException;

/** A distribution request breaks a rule; the code names the rule, the message says what is wrong. */
public class DistributionInputInvalid extends InvalidInputException {
    private final Map<String, Object> properties;

    DistributionInputInvalid(String code, String message) {
        this(code, message, Map.of());
    }

    DistributionInputInvalid(String code, String message, Map<String, Object> properties) {
        super(code, message);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
