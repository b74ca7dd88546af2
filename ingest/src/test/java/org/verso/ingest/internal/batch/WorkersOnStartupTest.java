package org.verso.ingest.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.verso.ingest.IngestProperties;
import org.verso.ingest.internal.extract.ChildProcessExtractor;

class WorkersOnStartupTest {
    @TempDir
    Path work;

    @Test
    void theWorkersComeUpWhenTheApplicationIsReadyBeforeAnyFile() throws InterruptedException {
        IngestProperties properties = new Binder(new MapConfigurationPropertySource(
                        java.util.Map.of("verso.ingest.workers", "1", "verso.ingest.worker-heap", "256MB")))
                .bindOrCreate("verso.ingest", Bindable.of(IngestProperties.class));
        try (var extractor = new ChildProcessExtractor(properties, work)) {
            new WorkersOnStartup(properties, extractor).ready();

            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (extractor.idleWorkerPids().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(extractor.idleWorkerPids()).hasSize(1);
        }
    }
}
