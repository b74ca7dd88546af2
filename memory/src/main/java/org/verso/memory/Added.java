package org.verso.memory;

import java.util.List;

/**
 * What adding units to the memory did.
 *
 * @param added units new to the memory
 * @param updated units the memory held already (same pair, same texts) whose provenance was replaced by a newer one
 * @param unchanged units the memory held already with the same or a newer date
 */
public record Added(List<MemoryUnit> added, List<MemoryUnit> updated, List<MemoryUnit> unchanged) {
    public Added {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
    }
}
