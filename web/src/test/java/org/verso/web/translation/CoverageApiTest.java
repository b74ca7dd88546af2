package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.library.DocumentIngested;
import org.verso.translation.SegmentStatus;
import org.verso.translation.TargetSegment;
import org.verso.translation.TranslationId;
import org.verso.translation.Translations;
import tools.jackson.databind.JsonNode;

/** "Is there a Russian version?": every document × language as original, approved, in progress or none; CSV too. */
class CoverageApiTest extends WorkTestBase {
    @Autowired
    Translations translations;

    @Test
    void coverageTellsOriginalApprovedInProgressAndNoneAndExportsCsv() {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru", "uk");
        DocumentIngested approved = document("Approved one. Short.");
        DocumentIngested working = document("Working one. Short.");
        DocumentIngested untouched = document("Untouched one. Short.");

        TranslationId ru = new TranslationId(
                UUID.fromString(open(coordinator, approved, "ru").get("id").asString()));
        translations.claim(ru, anna.account().id());
        for (TargetSegment s : translations.allSegments(ru)) {
            translations.save(
                    ru,
                    s.id(),
                    "Перевод " + s.source().replaceAll("[^0-9]", "") + ".",
                    SegmentStatus.TRANSLATED,
                    0,
                    anna.account().id());
        }
        translations.submit(ru, anna.account().id());
        for (TargetSegment s : translations.allSegments(ru)) {
            translations.review(ru, s.id(), true, null, coordinator.account().id());
        }
        translations.approve(ru, coordinator.account().id());
        open(coordinator, working, "uk");

        JsonNode coverage =
                coordinator.http().get("/api/coverage?language=en,ru,uk").json();
        java.util.List<String> languages = new java.util.ArrayList<>();
        coverage.get("languages").forEach(language -> languages.add(language.asString()));
        assertThat(languages).containsExactly("en", "ru", "uk");
        assertThat(row(coverage, approved)
                        .get("languages")
                        .get("en")
                        .get("state")
                        .asString())
                .isEqualTo("original");
        assertThat(row(coverage, approved)
                        .get("languages")
                        .get("ru")
                        .get("state")
                        .asString())
                .isEqualTo("approved");
        assertThat(row(coverage, approved)
                        .get("languages")
                        .get("ru")
                        .get("revision")
                        .asInt())
                .isEqualTo(1);
        assertThat(row(coverage, working)
                        .get("languages")
                        .get("uk")
                        .get("state")
                        .asString())
                .isEqualTo("in_progress");
        assertThat(row(coverage, working)
                        .get("languages")
                        .get("uk")
                        .get("status")
                        .asString())
                .isEqualTo("open");
        assertThat(row(coverage, untouched)
                        .get("languages")
                        .get("ru")
                        .get("state")
                        .asString())
                .isEqualTo("none");

        var csv = coordinator.http().get("/api/coverage?language=ru&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("document,title,kind,issuer,ru\r\n");
        assertThat(csv.body()).contains(approved.documentId() + ",charter.docx,other,,approved r1\r\n");
        assertThat(csv.body()).contains(untouched.documentId() + ",charter.docx,other,,none\r\n");
    }

    private static JsonNode row(JsonNode coverage, DocumentIngested document) {
        for (JsonNode row : coverage.get("items")) {
            if (row.get("id").asString().equals(document.documentId().toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + document.documentId());
    }
}
