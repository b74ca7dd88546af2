package org.verso.web.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.verso.accounts.Account;
import org.verso.accounts.Accounts;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.LanguageTag;
import org.verso.library.testing.Postgres;
import org.verso.library.testing.TempDirs;
import org.verso.translation.Segments;
import org.verso.web.VersoApplication;
import org.verso.web.testing.Arguments;

/**
 * A data directory made by the code before each module owned its migrations (history rows 1, 2, 10, 11, 40, 41, made
 * here from a copy of those scripts in {@code legacy-schema/}) starts with today's code: Flyway validates, the history
 * is renumbered, the new migrations run, and the accounts, documents and segments are all still there, their
 * languages in canonical form. On the embedded H2 file and on PostgreSQL.
 */
class LegacyDatabaseUpgradeTest {
    private static final UUID USER = UUID.randomUUID();
    private static final UUID DOCUMENT = UUID.randomUUID();
    private static final String SHA = "ab".repeat(32);
    private static final String PASSWORD = "legacy-password-1";

    private static String url(Path dataDir) {
        return "jdbc:h2:file:retry:" + dataDir + "/db/verso;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";
    }

    /** The database as the old code left it: its six migrations applied, one of each kind of row. */
    private static void makeLegacyDatabase(String url, String user, String password) {
        var dataSource = new DriverManagerDataSource(url, user, password);
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:legacy-schema")
                .load()
                .migrate();
        assertThat(result.migrationsExecuted).isEqualTo(6);
        JdbcClient db = JdbcClient.create(dataSource);
        Timestamp now = Timestamp.from(Instant.now());
        db.sql("INSERT INTO app_user (id, username, display_name, password_hash, enabled, ui_language, created_at,"
                        + " updated_at) VALUES (?, 'olga', 'Olga', ?, TRUE, 'ru', ?, ?)")
                .params(USER, "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD), now, now)
                .update();
        db.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, 'TRANSLATOR'), (?, 'ADMIN')")
                .params(USER, USER)
                .update();
        for (String language : List.of("zh-hans", "pt-br", "ru", "iw")) { // as the old code lower-cased them
            db.sql("INSERT INTO app_user_language (user_id, language) VALUES (?, ?)")
                    .params(USER, language)
                    .update();
        }
        db.sql("INSERT INTO library_document (id, title, kind, source_language, created_at, updated_at)"
                        + " VALUES (?, 'Charter of the old days', 'CHARTER', 'sr-latn', ?, ?)")
                .params(DOCUMENT, now, now)
                .update();
        db.sql("INSERT INTO library_file (sha256, document_id, file_order, original_name, media_type, size_bytes,"
                        + " language, text_chars, added_at) VALUES (?, ?, 0, 'charter.txt', 'text/plain', 42, 'zh-hans',"
                        + " 42, ?)")
                .params(SHA, DOCUMENT, now)
                .update();
        db.sql("INSERT INTO translation_file (document_id, file_sha256, file_name, media_type, language, state,"
                        + " round_trip, segment_count, attempts, registered_at, updated_at)"
                        + " VALUES (?, ?, 'charter.txt', 'text/plain', 'zh-hans', 'SEGMENTED', FALSE, 2, 1, ?, ?)")
                .params(DOCUMENT, SHA, now, now)
                .update();
        for (int seq = 0; seq < 2; seq++) {
            db.sql("INSERT INTO translation_segment (id, document_id, file_sha256, seq, unit_id, source, plain_text,"
                            + " status, created_at) VALUES (?, ?, ?, ?, ?, 'Article', 'Article', 'NEW', ?)")
                    .params(UUID.randomUUID(), DOCUMENT, SHA, seq, "u" + seq, now)
                    .update();
        }
    }

    @Test
    void anH2DatabaseOfTheOldMigrationsStartsAndKeepsItsAccountsDocumentsAndSegments() {
        Path dataDir = TempDirs.create("verso-legacy-");
        makeLegacyDatabase(url(dataDir), "verso", "");

        startTwiceAndCheck(dataDir);
    }

    @Test
    void aPostgresDatabaseOfTheOldMigrationsStartsAndKeepsItsAccountsDocumentsAndSegments() {
        Postgres.require();
        String url = Postgres.freshSchemaUrl();
        String user = System.getenv("VERSO_TEST_PG_USER");
        String password = System.getenv("VERSO_TEST_PG_PASSWORD");
        makeLegacyDatabase(url, user, password);

        startTwiceAndCheck(
                TempDirs.create("verso-legacy-pg-"),
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password);
    }

    private static void startTwiceAndCheck(Path dataDir, String... database) {
        String[] properties = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("verso.admin-password=unused-admin-password"),
                        java.util.Arrays.stream(database))
                .toArray(String[]::new);
        try (var app = new SpringApplicationBuilder(VersoApplication.class).run(Arguments.of(dataDir, properties))) {
            Account olga = app.getBean(Accounts.class).findByUsername("olga").orElseThrow();
            assertThat(olga.languages())
                    .containsExactlyInAnyOrder(
                            LanguageTag.of("zh-Hans"),
                            LanguageTag.of("pt-BR"),
                            LanguageTag.of("ru"),
                            LanguageTag.of("he"));
            assertThat(app.getBean(Accounts.class).checkPassword("olga", PASSWORD))
                    .isPresent();
            assertThat(app.getBean(Accounts.class).all())
                    .as("no admin was bootstrapped into a database that has accounts")
                    .hasSize(1);

            Document charter = app.getBean(Documents.class).get(new DocumentId(DOCUMENT));
            assertThat(charter.title()).isEqualTo("Charter of the old days");
            assertThat(charter.sourceLanguage()).isEqualTo("sr-Latn");
            assertThat(charter.files()).singleElement().satisfies(f -> assertThat(f.language())
                    .isEqualTo("zh-Hans"));
            assertThat(app.getBean(Segments.class).count(new DocumentId(DOCUMENT)))
                    .isEqualTo(2);

            JdbcClient db = app.getBean(JdbcClient.class);
            assertThat(db.sql("SELECT language FROM translation_file")
                            .query(String.class)
                            .single())
                    .isEqualTo("zh-Hans");
            assertThat(db.sql("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")
                            .query(String.class)
                            .list())
                    .contains("10", "20.0", "30.0", "30.1", "30.2", "40", "10.1", "20.1", "40.1")
                    .doesNotContain("1", "2", "11", "41");
        }

        try (var again = new SpringApplicationBuilder(VersoApplication.class).run(Arguments.of(dataDir, properties))) {
            assertThat(again.getBean(Accounts.class).findByUsername("olga")).isPresent();
        }
    }
}
