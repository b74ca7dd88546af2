package org.verso.translation;

import java.util.EnumMap;
import java.util.Map;

/** How many of a translation's segments are in each status. */
public record Progress(Map<SegmentStatus, Integer> counts) {
    public Progress {
        EnumMap<SegmentStatus, Integer> all = new EnumMap<>(SegmentStatus.class);
        for (SegmentStatus status : SegmentStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0));
        }
        counts = Map.copyOf(all);
    }

    public int of(SegmentStatus status) {
        return counts.get(status);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether every segment is in {@code status} (or one of {@code others}); true for none. */
    public boolean allIn(SegmentStatus status, SegmentStatus... others) {
        int in = of(status);
        for (SegmentStatus other : others) {
            in += of(other);
        }
        return in == total();
    }
}
