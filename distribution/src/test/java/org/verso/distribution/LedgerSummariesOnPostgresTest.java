package org.verso.distribution;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.Postgres;
import org.verso.library.testing.TempDirs;

/** The ledger's summaries against the ledger, on the real PostgreSQL. */
class LedgerSummariesOnPostgresTest extends LedgerSummariesContract {
    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-summaries-pg-")
                .toString());
        Postgres.register(registry);
    }
}
