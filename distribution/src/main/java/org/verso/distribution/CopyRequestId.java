package org.verso.distribution;

import java.util.Objects;
import java.util.UUID;

/** Identity of a request for copies. */
public record CopyRequestId(UUID value) {
    public CopyRequestId {
        Objects.requireNonNull(value, "request id");
    }

    public static CopyRequestId random() {
        return new CopyRequestId(UUID.randomUUID());
    }

    /** Throws {@link DistributionInputInvalid} (code {@code invalid-id}) when the text is no such id. */
    public static CopyRequestId parse(String text) {
        return new CopyRequestId(Ids.uuid(text, "request"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
