package org.verso.translation;

import java.util.Objects;
import java.util.UUID;
import org.verso.library.InvalidInputException;

/** Identity of a stored segment. */
public record SegmentId(UUID value) {
    public SegmentId {
        Objects.requireNonNull(value, "segment id");
    }

    public static SegmentId random() {
        return new SegmentId(UUID.randomUUID());
    }

    /** Parses the text form; throws {@link InvalidInputException} ({@code invalid-segment-id}) when malformed. */
    public static SegmentId parse(String text) {
        try {
            return new SegmentId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("invalid-segment-id", "not a segment id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
