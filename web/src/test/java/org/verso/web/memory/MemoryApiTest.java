package org.verso.web.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.People;
import org.verso.web.testing.WebTest;

/** The memory over HTTP: TMX import with its report, matches, export, and a specific problem for each bad input. */
public class MemoryApiTest extends WebTest {
    static final String BOUNDARY = "----verso-memory-test";

    Http coordinator;
    Http translator;

    @BeforeEach
    void people() {
        String suffix = Long.toString(System.nanoTime(), 36);
        coordinator = http().as(People.account(admin(), "tm-coord-" + suffix, "COORDINATOR", "en"), People.PASSWORD);
        translator = http().as(People.account(admin(), "tm-tr-" + suffix, "TRANSLATOR", "en"), People.PASSWORD);
    }

    static byte[] multipart(Map<String, String> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/x-tmx+xml\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    public static Http.Response upload(Http who, Map<String, String> files) {
        return who.send("POST", "/api/tm/tmx", "multipart/form-data; boundary=" + BOUNDARY, multipart(files));
    }

    static String tmx(String marker, String lang) {
        return "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en\"/><body>"
                + "<tu><tuv xml:lang=\"en\"><seg>The " + marker + " committee meets on 12 May in Geneva.</seg></tuv>"
                + "<tuv xml:lang=\"" + lang + "\"><seg>Комитет " + marker
                + " собирается 12 мая в Женеве.</seg></tuv></tu>"
                + "<tu><tuv xml:lang=\"en\"><seg>Alone " + marker + "</seg></tuv></tu>"
                + "</body></tmx>";
    }

    @Test
    void aCoordinatorImportsATmxAndATranslatorGetsItsMatches() {
        String marker = "quokka" + System.nanoTime();
        var imported = upload(coordinator, Map.of("un.tmx", tmx(marker, "ru")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(1);
        assertThat(imported.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(imported.json().get("skips").get(0).get("reason").asString()).isEqualTo("no-target-variant");

        var matches = translator.get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru&limit=3&source="
                + java.net.URLEncoder.encode(
                        "The " + marker + " committee meets on 14 May in Geneva.", StandardCharsets.UTF_8));
        assertThat(matches.status()).as(matches.body()).isEqualTo(200);
        var best = matches.json().get(0);
        assertThat(best.get("score").asInt()).isEqualTo(99);
        assertThat(best.get("numbersDiffer").asBoolean()).isTrue();
        assertThat(best.get("origin").asString()).isEqualTo("imported");
        assertThat(best.get("target").asString()).contains("Комитет " + marker);
        assertThat(best.get("note").asString()).isEqualTo("un.tmx");

        var export = coordinator.get("/api/tm/tmx?sourceLanguage=en&targetLanguage=ru");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Комитет " + marker).contains("<tmx version=\"1.4\"");
    }

    @Test
    void eachBadTmxHasItsOwnProblemAndNothingIsImported() {
        String marker = "wombat" + System.nanoTime();
        var malformed = upload(coordinator, Map.of("good.tmx", tmx(marker, "ru"), "bad.tmx", "<tmx><body><tu>"));
        var entities = upload(
                coordinator,
                Map.of(
                        "xxe.tmx",
                        "<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tmx"
                                + " version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&x;</seg>"
                                + "</tuv></tu></body></tmx>"));
        var language = upload(coordinator, Map.of("xx.tmx", tmx(marker, "xx")));
        var none = upload(coordinator, Map.of());

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("tmx-malformed");
        assertThat(entities.status()).isEqualTo(400);
        assertThat(entities.problemCode()).isEqualTo("tmx-entities");
        assertThat(entities.body()).doesNotContain("root:");
        assertThat(language.problemCode()).isEqualTo("tmx-unknown-language");
        assertThat(none.problemCode()).isEqualTo("tmx-missing");
        var matches = translator.get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru&source=" + "The+" + marker
                + "+committee+meets+on+12+May+in+Geneva.&minScore=95");
        assertThat(matches.json()).isEmpty();
    }

    @Test
    void badLookupsAreRefusedWithTheirCodes() {
        assertThat(translator
                        .get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru")
                        .problemCode())
                .isEqualTo("invalid-source");
        assertThat(translator.get("/api/tm/matches?targetLanguage=ru&source=x").problemCode())
                .isEqualTo("invalid-language");
        assertThat(translator
                        .get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru&source=x&limit=many")
                        .problemCode())
                .isEqualTo("invalid-limit");
        assertThat(translator
                        .get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru&source=x&limit=51")
                        .problemCode())
                .isEqualTo("invalid-limit");
        assertThat(translator
                        .get("/api/tm/matches?sourceLanguage=en&targetLanguage=ru&source=x&minScore=0")
                        .problemCode())
                .isEqualTo("invalid-min-score");
        assertThat(translator
                        .get("/api/tm/matches?sourceLanguage=e%20n&targetLanguage=ru&source=x")
                        .status())
                .isEqualTo(400);
        assertThat(coordinator.get("/api/tm/tmx?document=not-a-uuid").status()).isEqualTo(400);
        assertThat(translator.get("/api/translations/not-a-uuid/leverage").problemCode())
                .isEqualTo("invalid-translation-id");
        assertThat(translator
                        .get("/api/translations/00000000-0000-0000-0000-000000000009/leverage")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void translatorsMayNotImport() {
        var refused = upload(translator, Map.of("a.tmx", tmx("x", "ru")));
        assertThat(refused.status()).isEqualTo(403);
    }
}
