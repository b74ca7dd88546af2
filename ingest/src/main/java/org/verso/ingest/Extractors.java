package org.verso.ingest;

import java.nio.file.Path;
import org.verso.ingest.internal.extract.ChildProcessExtractor;

/** Ways to get an {@link Extractor} outside the application context (benchmarks, tools). */
public final class Extractors {
    private Extractors() {}

    /**
     * The isolated extractor the application uses: Tika in worker processes with the given limits. Close it (it is
     * {@link AutoCloseable}) to stop its processes.
     */
    public static IsolatedExtractor isolated(IngestProperties properties, Path workDir) {
        var delegate = new ChildProcessExtractor(properties, workDir);
        return new IsolatedExtractor() {
            @Override
            public Extraction extract(Path file) {
                return delegate.extract(file);
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    /** An extractor whose worker processes stop on {@link #close()}. */
    public interface IsolatedExtractor extends Extractor, AutoCloseable {
        @Override
        void close();
    }
}
