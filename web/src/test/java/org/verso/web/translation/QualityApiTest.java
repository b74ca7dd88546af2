package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verso.library.DocumentIngested;
import tools.jackson.databind.JsonNode;

/** Quality checks over the API: issues in the segment answers, errors blocking submit, warnings accepted. */
class QualityApiTest extends WorkTestBase {

    static List<String> checks(JsonNode issues) {
        List<String> checks = new ArrayList<>();
        issues.forEach(i -> checks.add(i.get("check").asString()));
        return checks;
    }

    @Test
    void anErrorBlocksSubmitUntilCorrectedAndAWarningIsAcceptedWithAReasonTheReviewerSees() {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        DocumentIngested document = document("There are 3 <b>rights</b>. Article 5 applies.");
        String id = open(coordinator, document, "ru").get("id").asString();
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segments = segments(anna, id);
        assertThat(segments).hasSize(3);
        assertThat(segments.get(0).get("issues")).isEmpty();
        String source = segments.get(0).get("source").asString();
        String code = source.substring(source.indexOf("<g id="), source.indexOf('>', source.indexOf("<g id=")) + 1);
        String ref = segments.get(2).get("source").asString().replaceAll("[^0-9]", "");

        // a wrong number: saved (work in progress is kept), with the error in the answer
        var wrong = save(
                anna,
                id,
                segments.get(0),
                "Есть 4 " + code + "права</g>.",
                "translated",
                segments.get(0).get("version").asInt());
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
        JsonNode error = wrong.json().get("issues").get(0);
        assertThat(error.get("check").asString()).isEqualTo("numbers-differ");
        assertThat(error.get("severity").asString()).isEqualTo("error");
        assertThat(error.get("message").asString()).contains("3").contains("4");
        // the end punctuation differs: a warning only
        var warned = save(
                anna,
                id,
                segments.get(1),
                "Применяется статья 5",
                "translated",
                segments.get(1).get("version").asInt());
        assertThat(checks(warned.json().get("issues"))).containsExactly("end-punctuation");
        assertThat(save(
                                anna,
                                id,
                                segments.get(2),
                                "Ссылка " + ref + ".",
                                "translated",
                                segments.get(2).get("version").asInt())
                        .json()
                        .get("issues"))
                .isEmpty();

        var blocked = anna.http().postJson("/api/translations/" + id + "/submit", "");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.problemCode()).isEqualTo("quality-errors");
        JsonNode named = blocked.json().get("segments");
        assertThat(named).hasSize(1);
        assertThat(named.get(0).get("id").asString())
                .isEqualTo(segments.get(0).get("id").asString());
        assertThat(checks(named.get(0).get("issues"))).containsExactly("numbers-differ");
        assertThat(anna.http()
                        .get("/api/translations/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("in_translation");

        String segmentPath = "/api/translations/" + id + "/segments/";
        var acceptError = anna.http()
                .postJson(
                        segmentPath + segments.get(0).get("id").asString() + "/issues/numbers-differ/accept",
                        Map.of("reason", "I know better"));
        assertThat(acceptError.status()).isEqualTo(409);
        assertThat(acceptError.problemCode()).isEqualTo("issue-is-error");
        String warningPath = segmentPath + segments.get(1).get("id").asString() + "/issues/end-punctuation/accept";
        var noReason = anna.http().postJson(warningPath, Map.of("reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("acceptance-reason-required");
        Person boris = translator("Boris", "ru");
        assertThat(boris.http()
                        .postJson(warningPath, Map.of("reason", "not mine"))
                        .problemCode())
                .isEqualTo("claim-required-to-accept");
        var accepted = anna.http().postJson(warningPath, Map.of("reason", "A heading: no full stop in Russian."));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json()
                        .get("items")
                        .get(0)
                        .get("accepted")
                        .get("reason")
                        .asString())
                .isEqualTo("A heading: no full stop in Russian.");

        var open = anna.http().get("/api/translations/" + id + "/issues").json().get("items");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("index").asInt()).isZero();

        var fixed = save(anna, id, segments.get(0), "Есть 3 " + code + "права</g>.", "translated", 1);
        assertThat(fixed.json().get("issues")).isEmpty();
        var submitted = anna.http().postJson("/api/translations/" + id + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        // the reviewer sees the accepted warning with its reason, and no open issue
        JsonNode reviewed = segments(coordinator, id);
        JsonNode warning = reviewed.get(1).get("issues").get(0);
        assertThat(warning.get("check").asString()).isEqualTo("end-punctuation");
        assertThat(warning.get("accepted").get("by").get("name").asString()).isEqualTo("Anna");
        assertThat(coordinator
                        .http()
                        .get("/api/translations/" + id + "/issues")
                        .json()
                        .get("items"))
                .isEmpty();

        // a segment sent back and saved with a wrong number again: the approval is refused, naming it
        String firstPath = segmentPath + segments.get(0).get("id").asString();
        assertThat(coordinator
                        .http()
                        .postJson(firstPath + "/review", Map.of("decision", "reject", "comment", "Пересмотрите"))
                        .status())
                .isEqualTo(200);
        var again = save(anna, id, segments.get(0), "Есть 5 " + code + "права</g>.", "translated", 2);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        for (JsonNode s : segments) {
            var approved = coordinator
                    .http()
                    .postJson(segmentPath + s.get("id").asString() + "/review", Map.of("decision", "approve"));
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }
        var refused = coordinator.http().postJson("/api/translations/" + id + "/approve", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("quality-errors");
        assertThat(refused.json().get("segments").get(0).get("index").asInt()).isZero();
        assertThat(translations(coordinator, id)).isEqualTo("in_review");
    }

    static String translations(Person who, String id) {
        return who.http().get("/api/translations/" + id).json().get("status").asString();
    }

    @Test
    void theGlossarysTermsAreCheckedInTheTargetWhenThereIsAGlossary() {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        String t = Long.toString(System.nanoTime(), 36);
        var term = coordinator
                .http()
                .postJson(
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
        assertThat(term.status()).as(term.body()).isEqualTo(201);
        DocumentIngested document = document("Torture" + t + " is prohibited.");
        String id = open(coordinator, document, "ru").get("id").asString();
        anna.http().postJson("/api/translations/" + id + "/claim", "");
        JsonNode segment = segments(anna, id).get(0);

        var saved = save(
                anna,
                id,
                segment,
                "Истязания" + t + " запрещены.",
                "translated",
                segment.get("version").asInt());
        assertThat(checks(saved.json().get("issues"))).containsExactly("term-missing", "term-forbidden");
        assertThat(saved.json().get("issues").get(0).get("message").asString()).contains("пытки" + t);
        var good = save(anna, id, segment, "Пытки" + t + " запрещены.", "translated", 1);
        assertThat(good.json().get("issues")).isEmpty();
    }
}
