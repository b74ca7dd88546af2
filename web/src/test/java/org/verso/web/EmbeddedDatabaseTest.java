package org.verso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded database survives interrupted threads. Work the application abandons is interrupted (a read-ahead of
 * files when an import stops, a segmentation past its time limit); an interrupt that lands while a thread reads or
 * writes the H2 file closes the file's channel, and with it the database for every thread until a restart. The
 * configured URL opens the file through H2's {@code retry:} file system, which reopens the channel instead.
 */
class EmbeddedDatabaseTest {
    private static final int ROWS = 8_000;

    @TempDir
    Path data;

    @Test
    void theConfiguredUrlOpensTheFileThroughTheFileSystemThatReopensAfterAnInterrupt() throws Exception {
        assertThat(configuredUrl()).startsWith("jdbc:h2:file:retry:");
    }

    @Test
    void theConfiguredUrlKeepsSixtyFourMegabytesOfTheFilesPagesInMemory() throws Exception {
        // H2's own default is 16 MB, too little for a library's segments, histories and ledger: pages read again
        // and again from the file (docs/translation.md, "History rows by number, and H2's page cache")
        String url = configuredUrl().replace("${verso.data-dir:./data}", data.toString());
        try (Connection connection = DriverManager.getConnection(url, "verso", "");
                ResultSet cache = connection
                        .createStatement()
                        .executeQuery("SELECT setting_value FROM information_schema.settings"
                                + " WHERE setting_name = 'info.CACHE_MAX_SIZE'")) {
            assertThat(cache.next()).isTrue();
            assertThat(cache.getInt(1)).isEqualTo(64);
        }
    }

    @Test
    void queriesInterruptedWhileReadingTheFileLeaveTheDatabaseUsable() throws Exception {
        // a cache far smaller than the table: every scan reads the file
        String url = configuredUrl()
                        .replace("${verso.data-dir:./data}", data.toString())
                        .replaceAll(";CACHE_SIZE=\\d+", "")
                + ";CACHE_SIZE=1024";
        try (Connection connection = DriverManager.getConnection(url, "verso", "")) {
            connection.createStatement().execute("CREATE TABLE probe(id INT PRIMARY KEY, payload VARCHAR)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO probe VALUES (?, ?)")) {
                String payload = "x".repeat(2_000);
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, payload + i);
                    insert.addBatch();
                    if (i % 1_000 == 999) {
                        insert.executeBatch();
                    }
                }
            }
        }
        for (int round = 0; round < 12; round++) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread scanning = new Thread(() -> scan(url, stop));
            scanning.start();
            Thread.sleep(20 + 3 * round);
            scanning.interrupt();
            stop.set(true); // the retrying file system may take the interrupt flag: the scan stops on this as well
            scanning.join(60_000);
            assertThat(scanning.isAlive())
                    .as("round %d: the scan still runs", round)
                    .isFalse();

            try (Connection connection = DriverManager.getConnection(url, "verso", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("UPDATE probe SET payload = payload WHERE id = " + round);
                ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(LENGTH(payload)) FROM probe");
                rows.next();
                assertThat(rows.getInt(1)).as("round %d", round).isEqualTo(ROWS);
            }
        }
    }

    private static void scan(String url, AtomicBoolean stop) {
        try (Connection connection = DriverManager.getConnection(url, "verso", "");
                Statement statement = connection.createStatement()) {
            for (int k = 0; !stop.get() && !Thread.currentThread().isInterrupted(); k++) {
                ResultSet sum =
                        statement.executeQuery("SELECT SUM(LENGTH(payload)) FROM probe WHERE MOD(id, 7) = " + (k % 7));
                sum.next();
            }
        } catch (SQLException interrupted) {
            // the scan itself may fail: what matters is the database afterwards
        }
    }

    private static String configuredUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        return properties.getProperty("spring.datasource.url");
    }
}
