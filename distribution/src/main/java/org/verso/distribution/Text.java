package org.verso.distribution;

/** Checks of the text fields of commands: stripped, within their column's length. */
final class Text {
    private Text() {}

    static String required(String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new DistributionInputInvalid("missing-" + field, field + " is required");
        }
        return text;
    }

    /** Blank is {@code null}. */
    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new DistributionInputInvalid("too-long-" + field, field + " is longer than " + max + " characters");
        }
        return text;
    }

    /** An ISO 4217 code such as EUR, upper case; blank is {@code null}. */
    static String currency(String value) {
        String text = optional(value, "currency", 3);
        if (text == null) {
            return null;
        }
        text = text.toUpperCase(java.util.Locale.ROOT);
        if (!text.matches("[A-Z]{3}")) {
            throw new DistributionInputInvalid("invalid-currency", "not a currency code such as EUR: " + value);
        }
        return text;
    }

    static void positive(int value, String field) {
        if (value <= 0) {
            throw new DistributionInputInvalid("invalid-" + field, field + " must be positive: " + value);
        }
    }
}
