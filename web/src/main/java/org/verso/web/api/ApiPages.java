package org.verso.web.api;

import java.util.Locale;
import org.verso.library.InvalidInputException;

/**
 * The API's conventions for lists and values, in one place: pages count from 1 ({@code page=1} is the first) in every
 * list ({@code /api/documents}, its segments, {@code /api/search}), and values of a fixed set (kinds, states,
 * statuses, roles) are written in lower case with words joined by {@code -} ({@code in-translation}) and read in any
 * case.
 */
public final class ApiPages {
    private ApiPages() {}

    /**
     * The zero-based page of the modules for a page number of the API.
     *
     * @throws InvalidInputException ({@code invalid-page}) for a page below 1
     */
    public static int zeroBased(int page) {
        if (page < 1) {
            throw new InvalidInputException("invalid-page", "page counts from 1, not " + page);
        }
        return page - 1;
    }

    /** A constant as the API writes it: {@code IN_REVIEW} → {@code in-review}. */
    public static String apiName(Enum<?> value) {
        return value == null ? null : apiName(value.name());
    }

    /** A constant's name as the API writes it: {@code IN_REVIEW} → {@code in-review}. */
    public static String apiName(String constant) {
        return constant == null ? null : constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
