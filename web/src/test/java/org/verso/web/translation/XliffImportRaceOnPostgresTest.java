package org.verso.web.translation;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.Postgres;

/** The same race on the real PostgreSQL, whose locks and batched statements are not H2's. */
class XliffImportRaceOnPostgresTest extends XliffImportRaceTest {
    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
