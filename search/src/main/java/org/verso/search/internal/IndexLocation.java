package org.verso.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generations of one index under {@code <indexDir>/<name>/}: numbered directories, the newest complete one in
 * use. A rebuild writes the next generation beside the current one and the current stays in use until the new one
 * is complete; a generation is complete when its commit says so. Opening never fails: a missing, damaged, foreign or
 * unreachable index is set aside and replaced by an empty one (in memory if the disk cannot be used), with the reason
 * reported so that a rebuild can follow.
 */
public final class IndexLocation {
    private static final Logger log = LoggerFactory.getLogger(IndexLocation.class);

    static final String SCHEMA_KEY = "schema";
    static final String COMPLETE_KEY = "complete";

    private final Path dir;
    private final String schema;
    private final Analyzer analyzer;
    private final int ramBufferMb;
    /** Set once the disk turned out unusable: later generations (rebuilds) stay in memory too. */
    private volatile boolean memoryOnly;

    /** The result of opening: the store and, if it cannot be trusted to match the catalogue, why. */
    public record Opened(IndexStore store, String rebuildReason) {}

    /**
     * @param dir the index's own directory ({@code <indexDir>/library}); null keeps it in memory
     * @param schema version of the field layout; an index of another version is rebuilt
     */
    public IndexLocation(Path dir, String schema, Analyzer analyzer, int ramBufferMb) {
        this.dir = dir;
        this.schema = schema;
        this.analyzer = analyzer;
        this.ramBufferMb = ramBufferMb;
    }

    public Opened open() {
        if (dir == null) {
            memoryOnly = true;
            return new Opened(memory(), "index-in-memory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            log.error("Search index directory {} cannot be used ({}); searching an index in memory", dir, e.toString());
            memoryOnly = true;
            return new Opened(memory(), "index-unavailable");
        }
        String reason = "index-missing";
        List<Path> generations = generations();
        for (Path generation : generations) {
            try {
                IndexStore store = IndexStore.open(generation, analyzer, ramBufferMb);
                Map<String, String> data = store.commitData();
                if (!schema.equals(data.get(SCHEMA_KEY)) || !"true".equals(data.get(COMPLETE_KEY))) {
                    store.abandon();
                    log.warn("Search index {} is incomplete or of another layout; setting it aside", generation);
                    reason = "index-outdated";
                    delete(generation);
                    continue;
                }
                generations.stream().filter(g -> !g.equals(generation)).forEach(IndexLocation::delete);
                return new Opened(store, null);
            } catch (LockObtainFailedException e) {
                log.error("Search index {} is locked by another process; searching an index in memory", generation);
                memoryOnly = true;
                return new Opened(memory(), "index-locked");
            } catch (IOException | RuntimeException e) {
                log.warn("Search index {} is damaged ({}); setting it aside", generation, e.toString());
                reason = "index-corrupt";
                setAside(generation);
            }
        }
        try {
            return new Opened(create(true), reason);
        } catch (IOException | RuntimeException e) {
            log.error("Search index cannot be created in {} ({}); searching an index in memory", dir, e.toString());
            memoryOnly = true;
            return new Opened(memory(), "index-unavailable");
        }
    }

    /**
     * A new generation, empty; {@code complete} false for one a rebuild is about to fill (it is then ignored at
     * start-up until {@link #markComplete} has been committed).
     */
    public IndexStore create(boolean complete) throws IOException {
        if (dir == null || memoryOnly) {
            return memory();
        }
        long next =
                generations().stream().mapToLong(IndexLocation::number).max().orElse(0) + 1;
        Path generation = dir.resolve(String.format("%06d", next));
        Files.createDirectories(generation);
        return IndexStore.create(generation, analyzer, ramBufferMb, data(complete));
    }

    /** Marks a rebuilt generation complete; takes effect with its next commit. */
    public void markComplete(IndexStore store) {
        store.commitData(data(true));
    }

    /** Closes a store and removes its generation from disk. */
    public void discard(IndexStore store, boolean commitFirst) {
        if (commitFirst) {
            try {
                store.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Closing a discarded index", e);
            }
        } else {
            store.abandon();
        }
        if (store.path() != null) {
            delete(store.path());
        }
    }

    private Map<String, String> data(boolean complete) {
        return Map.of(SCHEMA_KEY, schema, COMPLETE_KEY, Boolean.toString(complete));
    }

    private IndexStore memory() {
        try {
            return IndexStore.create(null, analyzer, ramBufferMb, data(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generation directories, newest first. */
    private List<Path> generations() {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> p.getFileName().toString().matches("\\d{6,}"))
                    .sorted(Comparator.comparingLong(IndexLocation::number).reversed())
                    .forEach(result::add);
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", dir, e.toString());
        }
        return result;
    }

    private static long number(Path generation) {
        return Long.parseLong(generation.getFileName().toString());
    }

    private static void setAside(Path generation) {
        Path aside =
                generation.resolveSibling("damaged-" + generation.getFileName() + "-" + System.currentTimeMillis());
        try {
            Files.move(generation, aside);
            log.warn("Damaged search index kept at {} for inspection; delete it at will", aside);
        } catch (IOException | RuntimeException e) {
            delete(generation);
        }
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot delete {}: {}", path, e.toString());
        }
    }
}
