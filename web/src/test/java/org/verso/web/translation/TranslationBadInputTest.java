package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verso.accounts.Role;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/** The bad input: each a specific problem, and nothing changed. */
class TranslationBadInputTest extends WorkTestBase {

    @Test
    void everyBadSaveIsASpecificProblemAndLeavesTheSegmentAsItWas() {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        Person boris = translator("Boris", "ru");
        Person german = translator("Greta", "de");
        String id = open(coordinator, document("Everyone has the right to <b>life</b>. Nothing else."), "ru")
                .get("id")
                .asString();
        JsonNode first = segments(anna, id).get(0);

        assertProblem(
                save(
                        anna,
                        id,
                        first,
                        "Текст.",
                        "translated",
                        first.get("version").asInt()),
                409,
                "claim-required");
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        assertProblem(
                save(
                        boris,
                        id,
                        first,
                        "Текст.",
                        "translated",
                        first.get("version").asInt()),
                409,
                "claim-required");
        assertProblem(
                save(
                        german,
                        id,
                        first,
                        "Text.",
                        "translated",
                        first.get("version").asInt()),
                403,
                "language-not-yours");
        assertProblem(
                save(
                        anna,
                        id,
                        first,
                        "Каждый человек имеет право на жизнь.",
                        "translated",
                        first.get("version").asInt()),
                400,
                "segment-codes");
        assertProblem(
                save(
                        anna,
                        id,
                        first,
                        "Каждый <x id=\"99\"/> человек.",
                        "translated",
                        first.get("version").asInt()),
                400,
                "segment-codes");
        assertProblem(
                save(
                        anna,
                        id,
                        first,
                        "Каждый <x id=\"99\"/> человек.",
                        "draft",
                        first.get("version").asInt()),
                400,
                "segment-codes");
        assertProblem(save(anna, id, first, "Текст.", "translated", 5), 400, "version-from-future");
        assertProblem(save(anna, id, first, "Текст.", "approved", 0), 400, "invalid-segment-status");
        assertProblem(
                put(
                        anna.http(),
                        "/api/translations/" + id + "/segments/"
                                + first.get("id").asString(),
                        Map.of("target", "Текст.")),
                400,
                "invalid-version");

        JsonNode unchanged = segments(anna, id).get(0);
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(unchanged.get("target").asString()).isEmpty();
        assertThat(unchanged.get("status").asString()).isEqualTo("new");
        assertThat(anna.http()
                        .get("/api/translations/" + id + "/segments/"
                                + first.get("id").asString() + "/history")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(anna.http()
                        .get("/api/translations/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("claimed");

        var claimedByOther = boris.http().postJson("/api/translations/" + id + "/claim", "");
        assertProblem(claimedByOther, 409, "translation-claimed");
        assertThat(claimedByOther.json().get("holder").get("name").asString()).isEqualTo("Anna");
        assertProblem(german.http().postJson("/api/translations/" + id + "/claim", ""), 403, "language-not-yours");
        assertProblem(
                anna.http().postJson("/api/translations/00000000-0000-0000-0000-0000000000aa/claim", ""),
                404,
                "translation-not-found");
        assertProblem(anna.http().postJson("/api/translations/not-an-id/claim", ""), 400, "invalid-translation-id");
        assertProblem(anna.http().postJson("/api/translations/" + id + "/submit", ""), 409, "segments-not-translated");
        assertProblem(
                coordinator.http().postJson("/api/translations/" + id + "/approve", ""), 409, "translation-status");
        assertThat(anna.http()
                        .get("/api/translations/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("claimed");
    }

    @Test
    void openingRefusesAnUnknownLanguageTheSourceLanguageATwinAndAnAssigneeOfAnotherLanguage() {
        Person coordinator = coordinator();
        Person german = translator("Greta", "de");
        var document = document("One sentence here.");
        String doc = document.documentId().toString();
        assertProblem(
                coordinator
                        .http()
                        .postJson("/api/translations", Map.of("document", doc, "targetLanguages", java.util.List.of())),
                400,
                "invalid-target-languages");
        assertProblem(
                coordinator
                        .http()
                        .postJson(
                                "/api/translations",
                                Map.of("document", doc, "targetLanguages", java.util.List.of("en"))),
                400,
                "same-language");
        assertProblem(
                coordinator
                        .http()
                        .postJson(
                                "/api/translations",
                                Map.of("document", doc, "targetLanguages", java.util.List.of("not a tag"))),
                400,
                "invalid-language");
        assertProblem(
                coordinator
                        .http()
                        .postJson(
                                "/api/translations",
                                Map.of(
                                        "document",
                                        doc,
                                        "targetLanguages",
                                        java.util.List.of("ru", "uk"),
                                        "assignee",
                                        german.id())),
                400,
                "assignee-language");
        assertThat(coordinator
                        .http()
                        .get("/api/translations?document=" + doc)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        open(coordinator, document, "ru");
        assertProblem(
                coordinator
                        .http()
                        .postJson(
                                "/api/translations",
                                Map.of("document", doc, "targetLanguages", java.util.List.of("uk", "ru"))),
                409,
                "translation-exists");
        assertThat(coordinator
                        .http()
                        .get("/api/translations?document=" + doc)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertProblem(
                german.http()
                        .postJson(
                                "/api/translations",
                                Map.of("document", doc, "targetLanguages", java.util.List.of("de"))),
                403,
                "forbidden");
    }

    @Test
    void aRefusalSpeaksTheUsersLanguage() {
        Person coordinator = coordinator();
        Person ivan = person("Ivan", Set.of(Role.TRANSLATOR), "de");
        accounts.changeUiLanguage(ivan.account().id(), "ru");
        String id = open(coordinator, document("A sentence to translate."), "ru")
                .get("id")
                .asString();
        Http.Response refused = ivan.http().postJson("/api/translations/" + id + "/claim", "");
        assertProblem(refused, 403, "language-not-yours");
        assertThat(refused.json().get("detail").asString()).contains("Вы не переводите на этот язык");
    }

    static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.problemCode()).as(response.body()).isEqualTo(code);
    }
}
