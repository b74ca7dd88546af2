package org.verso.bench.memory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The peers' method on the same units: PostgreSQL {@code pg_trgm} similarity search with a GIN index (Weblate's and
 * Tolgee's), in a schema of its own on the database of {@code VERSO_TEST_PG_URL} ({@code source scripts/postgres.sh}).
 */
final class TrigramBaseline implements AutoCloseable {
    private final Connection db;
    private final String schema = "bench_tm_" + Long.toString(System.nanoTime(), 36);

    private TrigramBaseline(Connection db) {
        this.db = db;
    }

    /** Connected, or null (with the reason printed) when PostgreSQL is not configured. */
    static TrigramBaseline connect() {
        String url = System.getenv("VERSO_TEST_PG_URL");
        if (url == null) {
            System.out.println("pg_trgm: skipped (no VERSO_TEST_PG_URL; source scripts/postgres.sh first)");
            return null;
        }
        try {
            return new TrigramBaseline(DriverManager.getConnection(
                    url, System.getenv("VERSO_TEST_PG_USER"), System.getenv("VERSO_TEST_PG_PASSWORD")));
        } catch (SQLException e) {
            System.out.println("pg_trgm: skipped (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Loads the units and builds the GIN index; answers the seconds it took. */
    double load(List<UUID> ids, List<String> sources) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".tm (id UUID NOT NULL, source TEXT NOT NULL)");
        }
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + schema + ".tm VALUES (?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                insert.setObject(1, ids.get(i));
                insert.setString(2, sources.get(i));
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE INDEX ON " + schema + ".tm USING gin (source gin_trgm_ops)");
            s.execute("ANALYZE " + schema + ".tm");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The 5 most similar sources above pg_trgm's default threshold (0.3), best first. */
    List<UUID> best(String query) throws SQLException {
        List<UUID> found = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT id FROM " + schema + ".tm WHERE source % ? ORDER BY similarity(source, ?) DESC LIMIT 5")) {
            q.setString(1, query);
            q.setString(2, query);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } finally {
            db.close();
        }
    }
}
