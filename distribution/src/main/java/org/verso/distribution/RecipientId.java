package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of a recipient, an organisation that receives copies. */
public record RecipientId(UUID value) {
    public RecipientId {
        Objects.requireNonNull(value, "recipient id");
    }

    public static RecipientId random() {
        return new RecipientId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static RecipientId parse(String text) {
        return new RecipientId(Ids.uuid(text, "recipient"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
