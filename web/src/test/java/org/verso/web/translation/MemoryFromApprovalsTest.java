package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verso.library.DocumentIngested;
import tools.jackson.databind.JsonNode;

/**
 * Approved segments enter the memory when their revision is approved; the memory then answers the editor (matches with
 * provenance, in context above 100 %), the leverage of the next translation, and the concordance search.
 */
class MemoryFromApprovalsTest extends WorkTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    org.verso.memory.OfflineMatches offline;

    @Test
    void anApprovedTranslationFeedsMatchesLeverageAndConcordance() throws Exception {
        String word = "Quokkaland" + Long.toString(System.nanoTime(), 36);
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        DocumentIngested document =
                document("The " + word + " police must respect human dignity. No one shall be held in slavery.");
        String id = open(coordinator, document, "ru").get("id").asString();
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segments = segments(anna, id);
        for (int i = 0; i < segments.size(); i++) {
            String target = i == 0
                    ? "Полиция " + word + " должна уважать человеческое достоинство."
                    // the fixture's reference line carries a number the quality checks want kept
                    : segments.get(i).get("source").asString();
            assertThat(save(
                                    anna,
                                    id,
                                    segments.get(i),
                                    target,
                                    "translated",
                                    segments.get(i).get("version").asInt())
                            .status())
                    .isEqualTo(200);
        }
        JsonNode approved = approve(coordinator, anna, id, segments);

        String first = segments.get(0).get("source").asString();
        String second = segments.get(1).get("source").asString();
        var matches = anna.http()
                .get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru&source=" + encode(first) + "&next="
                        + encode(second));
        assertThat(matches.status()).as(matches.body()).isEqualTo(200);
        JsonNode best = matches.json().get(0);
        assertThat(best.get("score").asInt()).isEqualTo(101);
        assertThat(best.get("kind").asString()).isEqualTo("in_context");
        assertThat(best.get("origin").asString()).isEqualTo("approved");
        assertThat(best.get("translator").asString()).isEqualTo("Anna");
        assertThat(best.get("document").asString())
                .isEqualTo(document.documentId().toString());
        assertThat(best.get("revision").asString()).isEqualTo(approved.get("id").asString());

        // a second document with the same first sentence: its leverage counts those words as 100 %
        DocumentIngested again =
                document("The " + word + " police must respect human dignity. Everything else is new here.");
        String next = open(coordinator, again, "ru").get("id").asString();
        var leverage = anna.http().get("/api/translations/" + next + "/leverage");
        assertThat(leverage.status()).as(leverage.body()).isEqualTo(200);
        assertThat(leverage.json().get("exact").asInt()).isEqualTo(7);
        assertThat(leverage.json().get("words").asInt()).isGreaterThan(7);
        assertThat(leverage.json().get("noMatch").asInt()).isPositive();

        // the TMX of the matches the second translation needs offline
        java.io.ByteArrayOutputStream tmx = new java.io.ByteArrayOutputStream();
        assertThat(offline.writeTmx(new org.verso.translation.TranslationId(java.util.UUID.fromString(next)), tmx))
                .isPositive();
        assertThat(tmx.toString(StandardCharsets.UTF_8))
                .contains("должна уважать")
                .doesNotContain("Everything else");
        // and the offline package carries it as matches.tmx
        byte[] zip = download(coordinator.account().username(), "/api/translations/" + next + "/package");
        String packed = null;
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("matches.tmx")) {
                    packed = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(packed).as("matches.tmx in the package").isNotNull().contains("должна уважать");

        // the concordance index is fed with the unit
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String hits = "";
        while (System.nanoTime() < deadline && !hits.contains(word)) {
            hits = anna.http().get("/api/search/concordance?q=" + word).body();
            Thread.sleep(200);
        }
        assertThat(hits).contains("должна уважать");
    }

    @Test
    void aTranslationOpenedLaterStartsWithTheMemorysExactMatchesAsDraftsMarkedFromMemory() {
        String word = "Wombatland" + Long.toString(System.nanoTime(), 36);
        Person coordinator = coordinator();
        Person boris = translator("Boris", "ru");
        DocumentIngested first = document(
                "The " + word + " police must respect human dignity. No one shall be held in slavery in " + word + ".");
        String id = open(coordinator, first, "ru").get("id").asString();
        assertThat(boris.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segments = segments(boris, id);
        List<String> russian = List.of(
                "Полиция " + word + " должна уважать человеческое достоинство.",
                "Никто не должен содержаться в рабстве в " + word + ".");
        for (int i = 0; i < segments.size(); i++) {
            String target =
                    i < 2 ? russian.get(i) : segments.get(i).get("source").asString();
            assertThat(save(
                                    boris,
                                    id,
                                    segments.get(i),
                                    target,
                                    "translated",
                                    segments.get(i).get("version").asInt())
                            .status())
                    .isEqualTo(200);
        }
        approve(coordinator, boris, id, segments);

        // the second document repeats the first sentence exactly, the second with one word changed, and adds one
        DocumentIngested second = document("The " + word + " police must respect human dignity. No one shall be held"
                + " in servitude in " + word + ". Prisons keep registers " + word + ".");
        JsonNode opened = open(coordinator, second, "ru");
        String next = opened.get("id").asString();
        JsonNode fresh = segments(boris, next);
        assertThat(fresh.get(0).get("status").asString()).isEqualTo("draft");
        assertThat(fresh.get(0).get("target").asString()).isEqualTo(russian.get(0));
        assertThat(fresh.get(0).get("fromMemory").asBoolean()).isTrue();
        assertThat(fresh.get(0).get("version").asInt()).isEqualTo(1);
        // a fuzzy match is offered in the editor, never filled in
        assertThat(fresh.get(1).get("status").asString()).isEqualTo("new");
        assertThat(fresh.get(1).get("target").asString()).isEmpty();
        assertThat(fresh.get(1).has("fromMemory")).isFalse();
        assertThat(fresh.get(2).get("status").asString()).isEqualTo("new");

        var progress = boris.http().get("/api/translations/" + next).json().get("progress");
        assertThat(progress.get("draft").asInt()).isEqualTo(1);
        assertThat(progress.get("translated").asInt()).isZero();
        assertThat(progress.get("approved").asInt()).isZero();

        var history = boris.http()
                .get("/api/translations/" + next + "/segments/"
                        + fresh.get(0).get("id").asString() + "/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode filled = history.json().get("items").get(0);
        assertThat(filled.get("fromMemory").asBoolean()).isTrue();
        assertThat(filled.get("status").asString()).isEqualTo("draft");

        // a coordinator may open without it: the same sentence stays new
        DocumentIngested third = document("The " + word + " police must respect human dignity. Courts decide.");
        JsonNode plain =
                segments(boris, open(coordinator, third, "ru", false).get("id").asString());
        assertThat(plain.findValuesAsString("status")).containsOnly("new");

        // the translator confirms it: it is theirs now, no longer marked
        assertThat(boris.http()
                        .postJson("/api/translations/" + next + "/claim", "")
                        .status())
                .isEqualTo(200);
        var confirmed = save(boris, next, fresh.get(0), russian.get(0), "translated", 1);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("translated");
        assertThat(confirmed.json().has("fromMemory")).isFalse();
    }

    /** Submits, approves each segment and the translation; returns the revision. */
    static JsonNode approve(Person coordinator, Person translator, String id, JsonNode segments) {
        var submitted = translator.http().postJson("/api/translations/" + id + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        for (JsonNode segment : segments) {
            var reviewed = coordinator
                    .http()
                    .postJson(
                            "/api/translations/" + id + "/segments/"
                                    + segment.get("id").asString() + "/review",
                            Map.of("decision", "approve"));
            assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        }
        var approved = coordinator.http().postJson("/api/translations/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        return approved.json();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
