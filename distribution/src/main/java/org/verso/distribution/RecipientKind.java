package org.verso.distribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of organisation a recipient is. */
public enum RecipientKind {
    POLICE_TRAINING_CENTRE,
    UNIVERSITY,
    BRANCH,
    LIBRARY,
    SCHOOL,
    PRISON,
    MINISTRY,
    NGO;

    /** The lower-case name used in JSON and CSV: {@code police_training_centre}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecipientKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DistributionInputInvalid(
                    "invalid-recipient-kind",
                    "not a recipient kind: " + text + " (one of "
                            + Arrays.stream(values()).map(RecipientKind::code).collect(Collectors.joining(", "))
                            + ")");
        }
    }
}
