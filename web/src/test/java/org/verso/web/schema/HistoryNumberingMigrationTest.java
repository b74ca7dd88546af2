package org.verso.web.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.verso.library.testing.Postgres;
import org.verso.library.testing.TempDirs;

/**
 * Migration {@code V40.9} numbers a segment's history rows in the order they were written instead of by random UUIDs:
 * the rows written before it keep their texts, authors and times, get numbers in the order of their times, and rows
 * written after it get higher numbers; on the embedded H2 file and on PostgreSQL.
 */
class HistoryNumberingMigrationTest {
    private static final String[] MODULES = {
        "classpath:db/migration/library",
        "classpath:db/migration/accounts",
        "classpath:db/migration/ingest",
        "classpath:db/migration/translation"
    };

    @Test
    void historyWrittenBeforeTheNumberingKeepsItsRowsInTheOrderTheyWereWrittenOnH2() {
        String url = "jdbc:h2:file:retry:" + TempDirs.create("verso-history-") + "/db/verso;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

        historyKeepsItsRowsInOrder(new DriverManagerDataSource(url, "verso", ""));
    }

    @Test
    void historyWrittenBeforeTheNumberingKeepsItsRowsInTheOrderTheyWereWrittenOnPostgres() {
        Postgres.require();

        historyKeepsItsRowsInOrder(new DriverManagerDataSource(
                Postgres.freshSchemaUrl(),
                System.getenv("VERSO_TEST_PG_USER"),
                System.getenv("VERSO_TEST_PG_PASSWORD")));
    }

    private static void historyKeepsItsRowsInOrder(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MODULES)
                .target("40.6")
                .load()
                .migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        UUID translation = UUID.randomUUID();
        UUID segment = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        // written out of time order, with random ids, as the old code did
        for (int minute : List.of(2, 0, 1)) {
            db.sql("INSERT INTO translation_target_history (id, translation_id, segment_id, target, status, version,"
                            + " actor, at, review_comment, origin) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            translation,
                            segment,
                            "Перевод " + minute,
                            minute + 1,
                            actor,
                            Timestamp.from(start.plusSeconds(60L * minute)),
                            minute == 1 ? "Уточните термин" : null,
                            minute == 0 ? "memory" : null)
                    .update();
        }

        Flyway.configure()
                .dataSource(dataSource)
                .locations(MODULES)
                .outOfOrder(true)
                .load()
                .migrate();
        db.sql("INSERT INTO translation_target_history (translation_id, segment_id, target, status, version, actor, at)"
                        + " VALUES (?, ?, 'Перевод 3', 'TRANSLATED', 4, ?, ?)")
                .params(translation, segment, actor, Timestamp.from(start.plusSeconds(180)))
                .update();

        List<String> rows = db.sql("SELECT target, version, actor, review_comment, origin FROM"
                        + " translation_target_history WHERE translation_id = ? AND segment_id = ? ORDER BY id")
                .params(translation, segment)
                .query((rs, n) -> rs.getString(1) + " v" + rs.getInt(2) + " "
                        + rs.getObject(3, UUID.class).equals(actor) + " " + rs.getString(4) + " " + rs.getString(5))
                .list();
        assertThat(rows)
                .containsExactly(
                        "Перевод 0 v1 true null memory",
                        "Перевод 1 v2 true Уточните термин null",
                        "Перевод 2 v3 true null null",
                        "Перевод 3 v4 true null null");
        assertThat(db.sql("SELECT COUNT(*) FROM translation_target_history")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }
}
