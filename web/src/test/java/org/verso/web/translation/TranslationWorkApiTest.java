package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.library.DocumentIngested;
import org.verso.translation.RevisionId;
import org.verso.translation.Revisions;
import org.verso.translation.TranslationEvent;
import org.verso.translation.TranslationId;
import org.verso.translation.Translations;
import tools.jackson.databind.JsonNode;

/** The whole of translation work over the API: open, claim, translate, submit, review, approve, download. */
class TranslationWorkApiTest extends WorkTestBase {
    @Autowired
    Translations translations;

    @Autowired
    Revisions revisions;

    @Test
    void aTranslationGoesFromOpenToAnApprovedRevisionAndATranslatedDocx() throws IOException {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        Person boris = translator("Boris", "ru");
        DocumentIngested document = document("Everyone has the right to <b>life</b>. No one shall be held in slavery.");
        JsonNode opened = open(coordinator, document, "ru");
        String id = opened.get("id").asString();
        assertThat(opened.get("status").asString()).isEqualTo("open");
        assertThat(opened.get("targetLanguage").asString()).isEqualTo("ru");
        assertThat(opened.get("progress").get("new").asInt()).isEqualTo(3);
        assertThat(opened.get("words").asInt()).isGreaterThan(10);

        var available =
                anna.http().get("/api/translations?available=true&size=200").json();
        assertThat(available.get("items").findValuesAsString("id")).contains(id);

        var claimed = anna.http().postJson("/api/translations/" + id + "/claim", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("status").asString()).isEqualTo("claimed");
        assertThat(claimed.json().get("claim").get("holder").get("name").asString())
                .isEqualTo("Anna");
        assertThat(anna.http()
                        .get("/api/translations?mine=true")
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .contains(id);

        JsonNode segments = segments(anna, id);
        assertThat(segments).hasSize(3);
        JsonNode first = segments.get(0);
        String source = first.get("source").asString();
        assertThat(source).contains("<g id=");
        String code = source.substring(source.indexOf("<g id="), source.indexOf('>', source.indexOf("<g id=")) + 1);
        List<String> targets = List.of(
                "Каждый человек имеет право на " + code + "жизнь</g>.",
                "Никто не должен содержаться в рабстве.",
                "Ссылка " + segments.get(2).get("source").asString().replaceAll("[^0-9]", "") + ".");
        for (int i = 0; i < 3; i++) {
            var saved = save(
                    anna,
                    id,
                    segments.get(i),
                    targets.get(i),
                    "translated",
                    segments.get(i).get("version").asInt());
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("version").asInt()).isEqualTo(1);
            assertThat(saved.json().get("status").asString()).isEqualTo("translated");
        }
        assertThat(anna.http()
                        .get("/api/translations/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("in_translation");

        var submitted = anna.http().postJson("/api/translations/" + id + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("in_review");

        String firstPath =
                "/api/translations/" + id + "/segments/" + first.get("id").asString();
        var own = anna.http().postJson(firstPath + "/review", Map.of("decision", "approve"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.problemCode()).isEqualTo("own-translation");

        var rejected = boris.http()
                .postJson(firstPath + "/review", Map.of("decision", "reject", "comment", "Жизнь — с маленькой буквы?"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("comment").asString()).startsWith("Жизнь");

        var early = coordinator.http().postJson("/api/translations/" + id + "/approve", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problemCode()).isEqualTo("segments-not-approved");

        var fixed = save(anna, id, first, "Каждый человек имеет право на " + code + "жизнь</g>!", "translated", 1);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("version").asInt()).isEqualTo(2);
        for (JsonNode segment : segments) {
            var approved = coordinator
                    .http()
                    .postJson(
                            "/api/translations/" + id + "/segments/"
                                    + segment.get("id").asString() + "/review",
                            Map.of("decision", "approve"));
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }

        var revision = coordinator.http().postJson("/api/translations/" + id + "/approve", "");
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        assertThat(revision.json().get("number").asInt()).isEqualTo(1);
        assertThat(revision.json().get("sha256").asString()).hasSize(64);
        String revisionId = revision.json().get("id").asString();
        assertThat(revisions.find(new RevisionId(java.util.UUID.fromString(revisionId))))
                .isPresent();
        assertThat(revisions.ofDocument(document.documentId())).hasSize(1);

        var detail = anna.http().get("/api/translations/" + id).json();
        assertThat(detail.get("status").asString()).isEqualTo("approved");
        assertThat(detail.get("revisions")).hasSize(1);
        assertThat(detail.hasNonNull("claim")).isFalse();

        var afterApproval = save(anna, id, first, "Что-то другое " + code + "x</g>", "translated", 2);
        assertThat(afterApproval.status()).isEqualTo(409);
        assertThat(afterApproval.problemCode()).isEqualTo("translation-approved");

        var history = anna.http().get(firstPath + "/history").json().get("items");
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("status").asString()).isEqualTo("approved");
        assertThat(history.get(0).get("by").get("id").asString()).isEqualTo(coordinator.id());
        assertThat(history.findValuesAsString("status")).contains("rejected", "translated");

        assertThat(translations.events(new TranslationId(java.util.UUID.fromString(id))))
                .extracting(TranslationEvent::kind)
                .containsExactly("opened", "claimed", "started", "submitted", "approved");

        byte[] docx = download(anna.account().username(), "/api/translations/" + id + "/output?revision=" + revisionId);
        String xml = entry(docx, "word/document.xml");
        assertThat(xml).contains("Каждый человек имеет право на", "жизнь", "Никто не должен содержаться в рабстве.");
        assertThat(xml).doesNotContain("Everyone has the right");
    }

    @Test
    void aPdfsTranslationComesOutAsANewDocxInTheTargetLanguageWithUnfinishedSegmentsInTheSource() throws IOException {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        DocumentIngested pdf = ingest(
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII),
                "leaflet.pdf",
                "application/pdf",
                "Cruelty is forbidden. The police respect human rights.");
        String id = open(coordinator, pdf, "ru").get("id").asString();
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode first = segments(anna, id).get(0);
        assertThat(save(
                                anna,
                                id,
                                first,
                                "Жестокость запрещена.",
                                "translated",
                                first.get("version").asInt())
                        .status())
                .isEqualTo(200);

        byte[] docx = download(anna.account().username(), "/api/translations/" + id + "/output");
        String xml = entry(docx, "word/document.xml");
        assertThat(xml).contains("Жестокость запрещена.", "The police respect human rights.", "w:lang");
        assertThat(xml).contains("\"ru\"");
        assertThat(xml).doesNotContain("Cruelty is forbidden.");
    }

    static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the file");
    }
}
