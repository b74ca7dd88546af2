package org.verso.web.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The local PostgreSQL that {@code scripts/test} starts, reached through {@code VERSO_TEST_PG_URL},
 * {@code VERSO_TEST_PG_USER} and {@code VERSO_TEST_PG_PASSWORD}; each use gets a fresh schema. The implementation is
 * shared with the other modules' tests: {@link org.verso.library.testing.Postgres} (library's test-jar); this name
 * stays for the web tests.
 */
public final class Postgres {
    private Postgres() {}

    public static boolean configured() {
        return org.verso.library.testing.Postgres.configured();
    }

    /** Skips (or on CI fails) when PostgreSQL is not configured or not reachable. */
    public static void require() {
        org.verso.library.testing.Postgres.require();
    }

    /** Creates a fresh schema and returns a JDBC URL whose default schema it is. */
    public static String freshSchemaUrl() {
        return org.verso.library.testing.Postgres.freshSchemaUrl();
    }

    /** Points the application at a fresh schema of the test PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry) {
        org.verso.library.testing.Postgres.register(registry);
    }

    public static Connection connect() throws SQLException {
        return org.verso.library.testing.Postgres.connect();
    }
}
