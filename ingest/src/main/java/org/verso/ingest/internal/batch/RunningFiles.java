package org.verso.ingest.internal.batch;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What each running batch is doing right now, for the progress display: the file being read, and the files read but
 * not yet catalogued (a chunk is catalogued in one transaction, so without them the counts would stand still until a
 * chunk's last file is read and then jump). In memory only. Thread-safe.
 */
@Component
public class RunningFiles {
    private final Map<UUID, String> current = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Long>> readNotWritten = new ConcurrentHashMap<>();

    void reading(UUID batchId, String name) {
        current.put(batchId, name);
    }

    /** The item was read (or refused) and waits for its chunk to be catalogued. */
    void read(UUID batchId, UUID itemId, Long bytes) {
        readNotWritten
                .computeIfAbsent(batchId, id -> new ConcurrentHashMap<>())
                .put(itemId, bytes == null ? 0L : bytes);
    }

    /** The items' chunk is committed: the database counts them now. */
    void written(UUID batchId, Collection<UUID> itemIds) {
        Map<UUID, Long> read = readNotWritten.get(batchId);
        if (read != null) {
            itemIds.forEach(read::remove);
        }
    }

    public void done(UUID batchId) {
        current.remove(batchId);
        readNotWritten.remove(batchId);
    }

    public String current(UUID batchId) {
        return current.get(batchId);
    }

    /** Items of the batch read but not known to be catalogued yet, with their sizes in bytes; a copy. */
    public Map<UUID, Long> readNotWritten(UUID batchId) {
        Map<UUID, Long> read = readNotWritten.get(batchId);
        return read == null ? Map.of() : Map.copyOf(read);
    }
}
