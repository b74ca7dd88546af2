package org.verso.distribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The checks shared by the status machines of shipments and requests: the next step only, statuses read leniently. */
final class Steps {
    private Steps() {}

    /**
     * Throws {@link DistributionConflict} ({@code status-step-not-allowed}, with {@code from}, {@code to} and the
     * {@code allowed} steps) unless {@code to} is one of {@code next}.
     */
    static <E extends Enum<E>> void require(String thing, E from, E to, List<E> next) {
        if (next.contains(to)) {
            return;
        }
        List<String> allowed = next.stream().map(Steps::code).toList();
        throw new DistributionConflict(
                "status-step-not-allowed",
                "a " + thing + " " + code(from) + " cannot become " + code(to)
                        + (allowed.isEmpty() ? "; it has ended" : "; next is " + String.join(" or ", allowed)),
                Map.of("from", code(from), "to", code(to), "allowed", allowed));
    }

    /** The lower-case name used in JSON. */
    static String code(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Reads a status in any case, with {@code _}, {@code -} or a space between words; else {@code code}. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String code, String thing) {
        try {
            return Enum.valueOf(
                    type,
                    text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DistributionInputInvalid(code, "not a " + thing + " status: " + text);
        }
    }
}
