package org.verso.distribution;

import java.util.List;

/**
 * One page of a listing: {@code page} counts from 1; {@code pages} is how many pages of {@code size} the {@code total}
 * fills (0 when there is nothing).
 */
public record ResultPage<T>(List<T> items, int page, int size, long total, long pages) {
    public ResultPage {
        items = List.copyOf(items);
    }

    static <T> ResultPage<T> of(List<T> items, Paging paging, long total) {
        return new ResultPage<>(
                items, paging.page(), paging.size(), total, (total + paging.size() - 1) / paging.size());
    }
}
