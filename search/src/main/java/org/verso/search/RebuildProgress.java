package org.verso.search;

import java.time.Instant;

/**
 * Where the latest rebuild of the index stands. Search keeps answering from the old index while a rebuild runs.
 *
 * @param state idle (never ran), running, done or failed
 * @param reason why it was started ({@code admin}, {@code index-missing}, {@code catalogue-mismatch}…)
 * @param done documents written to the new index so far
 * @param total documents in the catalogue when it started (0 if unknown)
 * @param startedAt when it started, or null
 * @param finishedAt when it ended, or null while running
 * @param error what went wrong if it failed, else null
 */
public record RebuildProgress(
        State state, String reason, long done, long total, Instant startedAt, Instant finishedAt, String error) {
    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    public static final RebuildProgress IDLE = new RebuildProgress(State.IDLE, null, 0, 0, null, null, null);

    public boolean running() {
        return state == State.RUNNING;
    }
}
