package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.Postgres;
import org.verso.library.testing.TempDirs;

/** The stock on the real PostgreSQL. */
class StockOnPostgresTest extends StockContract {
    @BeforeAll
    static void needsPostgres() {
        Postgres.require();
    }

    @Autowired
    JdbcClient db;

    @Test
    void theDatabaseRefusesToUpdateOrDeleteTheLedger() {
        var edition = given.edition("Kit");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        given.received(edition, office, PrintRun.Share.of(funder.id(), 3));

        assertThatThrownBy(() -> db.sql("UPDATE dist_movement SET quantity = 1000 WHERE edition_id = ?")
                        .param(edition.id().value())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM dist_movement WHERE edition_id = ?")
                        .param(edition.id().value())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM dist_stock_request").update())
                .hasMessageContaining("append-only");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-pg-")
                .toString());
        Postgres.register(registry);
    }
}
