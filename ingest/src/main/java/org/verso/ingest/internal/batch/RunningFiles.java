package org.verso.ingest.internal.batch;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Which file each running batch is reading right now, for the progress display. In memory only. */
@Component
public class RunningFiles {
    private final Map<UUID, String> current = new ConcurrentHashMap<>();

    void reading(UUID batchId, String name) {
        current.put(batchId, name);
    }

    public void done(UUID batchId) {
        current.remove(batchId);
    }

    public String current(UUID batchId) {
        return current.get(batchId);
    }
}
