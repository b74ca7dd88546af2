package org.verso.web.demo;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.verso.library.DocumentId;
import org.verso.translation.FileSegmentation;
import org.verso.translation.SegmentationFailed;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;
import org.verso.translation.SegmentsExtracted;

/**
 * Waits until the files of a document are segmented (segmentation runs in the background after ingest): it checks the
 * stored state and waits for the next segmentation event after its commit, not for a fixed time.
 */
@Component
class SegmentationWait {
    private final Segments segments;
    private final Object signal = new Object();

    SegmentationWait(Segments segments) {
        this.segments = segments;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SegmentsExtracted event) {
        wake();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SegmentationFailed event) {
        wake();
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * Returns once every file of {@code document} ({@code files} of them) is segmented.
     *
     * @throws IllegalStateException when a file failed, or nothing finished within {@code timeout}
     */
    void await(DocumentId document, int files, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (true) {
                List<FileSegmentation> states = segments.files(document);
                if (states.stream().anyMatch(f -> f.state() == SegmentationState.FAILED)) {
                    throw new IllegalStateException("a demo file could not be segmented: " + states);
                }
                if (states.size() >= files && states.stream().allMatch(f -> f.state() == SegmentationState.SEGMENTED)) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the demo's documents were not segmented within " + timeout);
                }
                // an event wakes this at once; the bounded wait only guards against an event missed before it began
                signal.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 2000)));
            }
        }
    }
}
