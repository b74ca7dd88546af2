package org.verso.web.distribution;

import org.verso.library.InvalidInputException;

/** Numbers typed into the logistics pages' forms. */
final class PageForms {
    private PageForms() {}

    /**
     * A whole number of copies, or weight, as typed; blank is {@code null}. Throws {@code invalid-count} (400) for
     * anything else, naming the field.
     */
    static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid-count", field + " is not a whole number: " + text.strip());
        }
    }

    /** As {@link #number}, blank being 0 (which the domain refuses where a positive number is needed). */
    static int count(String text, String field) {
        Integer n = number(text, field);
        return n == null ? 0 : n;
    }
}
