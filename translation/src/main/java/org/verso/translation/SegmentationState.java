package org.verso.translation;

/** How far the segmentation of an ingested file got. */
public enum SegmentationState {
    /** Waiting to be segmented (in the background, or again after a restart). */
    PENDING,
    /** Its segments are stored. */
    SEGMENTED,
    /** It could not be segmented; the reason is recorded. Ingest is not affected. */
    FAILED
}
