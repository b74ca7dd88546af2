package org.verso.translation;

import java.util.List;

/** A page of a translation's segments in document order, file by file, and how many match in all. */
public record SegmentPage(List<TargetSegment> items, long total) {
    public SegmentPage {
        items = List.copyOf(items);
    }
}
