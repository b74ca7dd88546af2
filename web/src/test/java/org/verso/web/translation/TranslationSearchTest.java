package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.library.DocumentIngested;
import org.verso.search.SearchMaintenance;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/** Search finds translations: a Russian query finds the English original through its Russian translation. */
class TranslationSearchTest extends WorkTestBase {
    @Autowired
    SearchMaintenance maintenance;

    @Test
    void aSavedTranslationIsFoundByItsTargetTextWithItsStatusAndARebuildKeepsIt() {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        String word = "Бумеранг" + cyrillic(System.nanoTime());
        DocumentIngested document = document("The boomerang always comes back. Nothing else does.");
        String id = open(coordinator, document, "ru").get("id").asString();
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segment = segments(anna, id).get(0);
        assertThat(save(
                                anna,
                                id,
                                segment,
                                word + " всегда возвращается.",
                                "translated",
                                segment.get("version").asInt())
                        .status())
                .isEqualTo(200);

        Http admin = admin();
        String query = "/api/search?q="
                + java.net.URLEncoder.encode(word.toLowerCase(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode hit = await(admin, query, json -> json.get("total").asLong() == 1);
        assertThat(hit.get("hits").get(0).get("documentId").asString())
                .isEqualTo(document.documentId().toString());
        JsonNode translation = hit.get("hits").get(0).get("translations").get(0);
        assertThat(translation.get("language").asString()).isEqualTo("ru");
        assertThat(translation.get("status").asString()).isEqualTo("in-translation");
        assertThat(admin.get(query + "&status=in-translation")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(admin.get(query + "&status=approved").json().get("total").asLong())
                .isZero();

        maintenance.rebuild("test");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (maintenance.progress().running() && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(admin.get(query).json().get("total").asLong()).isEqualTo(1);
    }

    private static JsonNode await(Http http, String path, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode json = http.get(path).json();
        while (!done.test(json) && System.nanoTime() < deadline) {
            pause();
            json = http.get(path).json();
        }
        return json;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A number spelled in Cyrillic letters, so the word stays one Russian token. */
    private static String cyrillic(long n) {
        String letters = "абвгдежзиклмнопрстуфхцчшэюя";
        StringBuilder out = new StringBuilder();
        for (long v = n; v > 0; v /= letters.length()) {
            out.append(letters.charAt((int) (v % letters.length())));
        }
        return out.toString();
    }
}
