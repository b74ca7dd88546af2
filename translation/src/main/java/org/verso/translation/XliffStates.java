package org.verso.translation;

import java.util.Set;

/**
 * How Verso's segment statuses become XLIFF states on export, and XLIFF states Verso's on import (docs/translation.md,
 * section "State mapping"). An import only ever asks for {@code DRAFT} or {@code TRANSLATED}: approval is a
 * reviewer's decision in Verso, so {@code approved="yes"}, {@code signed-off} and {@code final} read as translated.
 */
final class XliffStates {
    private static final Set<String> DONE_12 = Set.of("translated", "signed-off", "final");
    private static final Set<String> DONE_20 = Set.of("translated", "reviewed", "final");

    private XliffStates() {}

    static String state12(SegmentStatus status) {
        return switch (status) {
            case NEW -> "needs-translation";
            case DRAFT, REJECTED, SOURCE_CHANGED -> "needs-review-translation";
            case TRANSLATED -> "translated";
            case APPROVED -> "signed-off";
        };
    }

    static String state20(SegmentStatus status) {
        return switch (status) {
            case NEW, DRAFT, REJECTED, SOURCE_CHANGED -> "initial";
            case TRANSLATED -> "translated";
            case APPROVED -> "final";
        };
    }

    /** {@code verso:new}, {@code verso:draft}, … for the statuses 2.0's {@code initial} does not tell apart. */
    static String subState20(SegmentStatus status) {
        return switch (status) {
            case NEW -> "verso:new";
            case DRAFT -> "verso:draft";
            case REJECTED -> "verso:rejected";
            case SOURCE_CHANGED -> "verso:source-changed";
            default -> null;
        };
    }

    /** The state this segment was exported with, in the file's version. */
    static String exported(SegmentStatus status, boolean version2) {
        return version2 ? state20(status) : state12(status);
    }

    /** Whether a state (or {@code approved="yes"}) a tool set says the target is finished. */
    static boolean done(String state, boolean approved, boolean version2) {
        return approved || (state != null && (version2 ? DONE_20 : DONE_12).contains(state));
    }
}
