package org.verso.web.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;

/** The glossary over the API: terms, the terms found in texts, import with a report and refusals, export. */
class GlossaryApiTest extends WebTest {

    static Http.Response upload(Http http, String fileName, String content, String query) {
        String boundary = "verso-glossary-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                "POST",
                "/api/glossary/import" + query,
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    @Test
    void aCoordinatorKeepsTermsTheEditorFindsInTextsAndImportsAndExportsThem() {
        Http admin = admin();
        String t = Long.toString(System.nanoTime(), 36);
        var added = admin.postJson(
                "/api/glossary/terms",
                Map.of(
                        "sourceLanguage",
                        "en",
                        "targetLanguage",
                        "ru",
                        "sourceTerm",
                        "torture" + t,
                        "targetTerm",
                        "пытки" + t,
                        "forbidden",
                        List.of("истязания" + t)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        var again = admin.postJson(
                "/api/glossary/terms",
                Map.of(
                        "sourceLanguage",
                        "en",
                        "targetLanguage",
                        "ru",
                        "sourceTerm",
                        "Torture" + t,
                        "targetTerm",
                        "ПЫТКИ" + t));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("term-exists");
        var invalid = admin.postJson(
                "/api/glossary/terms", Map.of("sourceLanguage", "en", "targetLanguage", "ru", "sourceTerm", " "));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problemCode()).isEqualTo("invalid-term");

        var changed = admin.patchJson("/api/glossary/terms/" + id, Map.of("note", "CAT art. 1"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("note").asString()).isEqualTo("CAT art. 1");
        assertThat(changed.json().get("forbidden").get(0).asString()).isEqualTo("истязания" + t);

        String text = "Freedom from torture" + t + ".";
        var found = admin.postJson(
                "/api/glossary/found",
                Map.of("sourceLanguage", "en", "targetLanguage", "ru", "texts", List.of(text, "")));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode first = found.json().get("items").get(0).get(0);
        assertThat(text.substring(first.get("start").asInt(), first.get("end").asInt()))
                .isEqualTo("torture" + t);
        assertThat(first.get("terms").get(0).get("targetTerm").asString()).isEqualTo("пытки" + t);
        assertThat(found.json().get("items").get(1)).isEmpty();

        var report = upload(
                admin,
                "terms.csv",
                "source_term,target_term,part_of_speech\nasylum" + t + ",убежище" + t + ",noun\n,без термина\n",
                "?sourceLanguage=en&targetLanguage=ru");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("added").asInt()).isEqualTo(1);
        assertThat(report.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(report.json().get("lines").get(1).get("reason").asString()).contains("source term is empty");

        var hostile = upload(
                admin,
                "x.tbx",
                "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<martif xml:lang=\"en\"><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&xxe;"
                        + "</term></tig></langSet></termEntry></body></text></martif>",
                "");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.problemCode()).isEqualTo("xml-entities-refused");
        assertThat(upload(admin, "x.docx", "PK\u0003\u0004", "").problemCode())
                .isEqualTo("unsupported-glossary-format");

        var csv = admin.get("/api/glossary/export?format=csv&source=en&target=ru");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("torture" + t + ",пытки" + t).contains("asylum" + t);
        var tbx = admin.get("/api/glossary/export?format=tbx&source=en&target=ru");
        assertThat(tbx.body()).contains("<martif", "пытки" + t, "deprecatedTerm-admn-sts");
        assertThat(admin.get("/api/glossary/export?format=pdf").problemCode()).isEqualTo("invalid-format");

        var listed = admin.get("/api/glossary/terms?source=en&target=ru&q=" + t);
        assertThat(listed.json().get("total").asInt()).isEqualTo(2);
        assertThat(admin.send("DELETE", "/api/glossary/terms/" + id, "application/json", "")
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/api/glossary/terms/" + id).problemCode()).isEqualTo("term-not-found");
    }
}
