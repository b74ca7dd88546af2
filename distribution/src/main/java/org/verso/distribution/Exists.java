package org.verso.distribution;

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
}
