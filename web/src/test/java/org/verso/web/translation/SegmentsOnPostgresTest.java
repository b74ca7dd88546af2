package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.DocumentIngested;
import org.verso.library.testing.Postgres;
import org.verso.translation.FileSegmentation;
import org.verso.translation.Segment;
import org.verso.translation.SegmentationState;

/** The segment store and its migration on the real PostgreSQL: segmented, failed, paged, idempotent. */
class SegmentsOnPostgresTest extends SegmentsTestBase {
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
    void segmentsAreStoredReadAndNeverDoubledOnPostgres() {
        assertThat(db.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        DocumentIngested docx = ingest(
                docx("Каждый человек имеет право на <b>жизнь</b>. Никто не должен содержаться в рабстве. Дело "
                        + System.nanoTime() + " закрыто."),
                "udhr.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "");

        FileSegmentation file = segments.file(docx.documentId(), docx.file()).orElseThrow();
        assertThat(file.state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(segments.count(docx.documentId())).isEqualTo(3);
        assertThat(segments.of(docx.documentId(), 1, 2))
                .extracting(Segment::index)
                .containsExactly(2);
        assertThat(segments.of(docx.documentId(), 0, 1).get(0).source())
                .matches("Каждый человек имеет право на <g id=\"\\d+\">жизнь</g>\\.");

        transactions.executeWithoutResult(status -> events.publishEvent(docx));
        assertThat(segments.count(docx.documentId())).isEqualTo(3);

        DocumentIngested broken = ingest(
                ("PK broken " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII),
                "broken.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "");
        FileSegmentation failed =
                segments.file(broken.documentId(), broken.file()).orElseThrow();
        assertThat(failed.state()).isEqualTo(SegmentationState.FAILED);
        assertThat(failed.reasonCode()).isEqualTo("unreadable-file");
        assertThat(segments.files(broken.documentId())).hasSize(1);
    }
}
