package org.verso.library.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The local PostgreSQL that {@code scripts/test} starts, reached through {@code VERSO_TEST_PG_URL},
 * {@code VERSO_TEST_PG_USER} and {@code VERSO_TEST_PG_PASSWORD}. Each use gets a fresh schema, so test classes never
 * see each other's rows.
 */
public final class Postgres {
    private Postgres() {}

    public static boolean configured() {
        return System.getenv("VERSO_TEST_PG_URL") != null;
    }

    /** Skips (or on CI fails) when PostgreSQL is not configured or not reachable. */
    public static void require() {
        Environment.require(configured() && reachable(), "PostgreSQL (VERSO_TEST_PG_URL)");
    }

    /** Creates a fresh schema and returns a JDBC URL whose default schema it is. */
    public static String freshSchemaUrl() {
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = connect()) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + System.getenv("VERSO_TEST_PG_URL"), e);
        }
        String url = System.getenv("VERSO_TEST_PG_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Points the application at a fresh schema of the test PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry) {
        if (!configured() || !reachable()) {
            registry.add("verso.test.postgres", () -> "unavailable");
            return;
        }
        String url = freshSchemaUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> System.getenv("VERSO_TEST_PG_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("VERSO_TEST_PG_PASSWORD"));
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getenv("VERSO_TEST_PG_URL"),
                System.getenv("VERSO_TEST_PG_USER"),
                System.getenv("VERSO_TEST_PG_PASSWORD"));
    }

    private static boolean reachable() {
        try (Connection c = connect()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
