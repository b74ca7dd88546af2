package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of a funder, an organisation that pays for copies. */
public record FunderId(UUID value) {
    public FunderId {
        Objects.requireNonNull(value, "funder id");
    }

    public static FunderId random() {
        return new FunderId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static FunderId parse(String text) {
        return new FunderId(Ids.uuid(text, "funder"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
