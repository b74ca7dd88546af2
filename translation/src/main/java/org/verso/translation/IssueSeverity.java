package org.verso.translation;

/** How much a quality issue weighs: errors block submit and approval, warnings can be accepted with a reason. */
public enum IssueSeverity {
    ERROR,
    WARNING
}
