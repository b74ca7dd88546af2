package org.verso.memory;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.Postgres;

/** The same memory on the real PostgreSQL (skipped without {@code VERSO_TEST_PG_URL}, failed under CI). */
class TranslationMemoryOnPostgresTest extends TranslationMemoryTest {
    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
