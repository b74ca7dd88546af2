package org.verso.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.Postgres;

/** The accounts, and the Flyway migrations that make their tables, on the real PostgreSQL. */
class AccountsOnPostgresTest extends AccountsContract {
    @Autowired
    JdbcClient db;

    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }

    @Test
    void runsOnPostgresWithEveryMigrationApplied() {
        assertThat(db.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(db.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
