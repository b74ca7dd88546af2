package org.verso.ingest.internal.batch;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.verso.ingest.IngestProperties;
import org.verso.ingest.internal.extract.ChildProcessExtractor;

/**
 * Starts the parser workers in the background once the application is ready ({@code verso.ingest.prestart-workers}),
 * so that the first upload finds them up; they then stay for the life of the application.
 */
@Component
class WorkersOnStartup {
    private final IngestProperties properties;
    private final ChildProcessExtractor extractor;

    WorkersOnStartup(IngestProperties properties, ChildProcessExtractor extractor) {
        this.properties = properties;
        this.extractor = extractor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (properties.prestartWorkers()) {
            extractor.startWorkers();
        }
    }
}
