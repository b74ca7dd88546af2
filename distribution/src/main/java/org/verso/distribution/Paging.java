package org.verso.distribution;

/** Which page of a listing: {@code page} from 1, {@code size} from 1 to {@value #MAX_SIZE}. */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 500;
    public static final Paging FIRST = new Paging(1, 50);

    public Paging {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new DistributionInputInvalid(
                    "invalid-page",
                    "page counts from 1 and size is 1 to " + MAX_SIZE + ": page " + page + ", size " + size);
        }
    }

    /** The defaults (page 1, 50 a page) for what is not given. */
    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 1 : page, size == null ? 50 : size);
    }

    long offset() {
        return (long) (page - 1) * size;
    }
}
