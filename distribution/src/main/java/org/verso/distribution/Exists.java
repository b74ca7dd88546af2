package org.verso.distribution;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The check that a row a command names exists, as {@link DistributionNotFound} ({@code <what>-not-found}). */
final class Exists {
    private Exists() {}

    static void require(JdbcClient db, String table, UUID id, String what) {
        if (db.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new DistributionNotFound(what, id);
        }
    }

    /** {@link #require} for many ids in a few queries; the first missing one, in the order given, is reported. */
    static void requireAll(JdbcClient db, String table, Collection<UUID> ids, String what) {
        List<UUID> asked = List.copyOf(new LinkedHashSet<>(ids));
        Set<UUID> found = new HashSet<>();
        for (int from = 0; from < asked.size(); from += CHUNK) {
            List<UUID> chunk = asked.subList(from, Math.min(asked.size(), from + CHUNK));
            found.addAll(db.sql("SELECT id FROM " + table + " WHERE id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(List.copyOf(chunk))
                    .query(UUID.class)
                    .list());
        }
        for (UUID id : asked) {
            if (!found.contains(id)) {
                throw new DistributionNotFound(what, id);
            }
        }
    }

    private static final int CHUNK = 500;
}
