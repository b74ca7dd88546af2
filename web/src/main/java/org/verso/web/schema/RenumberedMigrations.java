package org.verso.web.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Databases made before each module owned its migrations hold the history rows {@code 1}, {@code 2}, {@code 11} and
 * {@code 41}; those scripts now carry their module's version ({@code 20.0}, {@code 30.0}, {@code 30.1}, {@code 30.2},
 * unchanged content). Before Flyway validates, their history rows are renumbered to match, once; a new or already
 * renumbered database is left alone. {@code 10} (library) and {@code 40} (translation) kept their numbers.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class RenumberedMigrations {
    private static final Logger log = LoggerFactory.getLogger(RenumberedMigrations.class);

    /** A script as the old history names it, and as it is named now. */
    record Renumbered(String oldVersion, String oldScript, String version, String script) {}

    static final List<Renumbered> RENUMBERED = List.of(
            new Renumbered("1", "V1__users.sql", "20.0", "V20.0__users.sql"),
            new Renumbered("2", "V2__batch_job_repository.sql", "30.0", "V30.0__batch_job_repository.sql"),
            new Renumbered("11", "V11__ingest_batches.sql", "30.1", "V30.1__ingest_batches.sql"),
            new Renumbered("41", "V41__ingest_archive_members.sql", "30.2", "V30.2__ingest_archive_members.sql"));

    @Bean
    FlywayMigrationStrategy renumberThenMigrate() {
        return flyway -> {
            repair(flyway.getConfiguration());
            flyway.migrate();
        };
    }

    /** Renumbers the old history rows, if there are any; answers how many rows changed. */
    static int repair(Configuration configuration) {
        DataSource dataSource = configuration.getDataSource();
        String table = configuration.getTable();
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, table)) {
                return 0;
            }
            int changed = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET version = ?, script = ? WHERE version = ? AND script = ?")) {
                for (Renumbered r : RENUMBERED) {
                    update.setString(1, r.version());
                    update.setString(2, r.script());
                    update.setString(3, r.oldVersion());
                    update.setString(4, r.oldScript());
                    changed += update.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (changed > 0) {
                log.info("Renumbered {} migrations of the schema history to their modules' versions", changed);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renumber the schema history in " + table, e);
        }
    }

    private static boolean exists(Connection connection, String table) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the probe's failure is the answer
            }
            return false;
        }
    }
}
