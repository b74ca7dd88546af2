package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Role;
import org.verso.library.DocumentIngested;
import org.verso.library.LanguageTag;
import org.verso.memory.MemoryUnit;
import org.verso.memory.Origin;
import org.verso.memory.Provenance;
import org.verso.memory.TranslationMemory;
import org.verso.memory.UnitId;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/** A claimed translation to take offline: its people, its XLIFF out and in over the API. */
abstract class XliffTestBase extends WorkTestBase {
    @Autowired
    TranslationMemory memory;

    static final String PARAGRAPH = "The police must respect <b>human dignity</b> at all times. Officers give their"
            + " name &amp; number when asked. Force is the <b>last</b> resort.";

    /** A coordinator, a translator into {@code language} holding the claim, the document and the translation. */
    record Claimed(Person coordinator, Person holder, DocumentIngested document, String id) {}

    Claimed claimed(String language) {
        return claimed(document(PARAGRAPH), language, "en");
    }

    Claimed claimed(DocumentIngested document, String language, String uiLanguage) {
        Person coordinator = coordinator();
        Person holder = uiLanguage.equals("en") ? translator("Irina", language) : russianSpeaker(language);
        String id = open(coordinator, document, language).get("id").asString();
        var claim = holder.http().postJson("/api/translations/" + id + "/claim", "");
        assertThat(claim.status()).as(claim.body()).isEqualTo(200);
        return new Claimed(coordinator, holder, document, id);
    }

    /** A document whose first sentence names {@code word} and holds a pair of codes. */
    DocumentIngested documentNaming(String word) {
        return document("The " + word + " shelter respects <b>human dignity</b> at all times. Officers give their name"
                + " when asked.");
    }

    /**
     * The glossary term {@code word} → {@code квокка-word} (note "A marsupial.") and a memory unit of exactly the
     * translation's first source (an exact match, from {@code aids-test.tmx}).
     *
     * @return the memory unit's target
     */
    String matchAndTerm(Claimed t, String word) {
        var added = t.coordinator()
                .http()
                .postJson(
                        "/api/glossary/terms",
                        Map.of(
                                "sourceLanguage", "en",
                                "targetLanguage", "ru",
                                "sourceTerm", word,
                                "targetTerm", "квокка-" + word,
                                "note", "A marsupial."));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String source = segmentList(t.holder(), t.id()).get(0).get("source").asString();
        String target = XliffImportTest.cyrillicMarkup(source) + " (память)";
        rememberImported(source, target, "aids-test.tmx");
        return target;
    }

    /** Adds an en→ru unit to the memory as if imported from {@code file} by "Tester" now. */
    void rememberImported(String source, String target, String file) {
        memory.add(List.of(new MemoryUnit(
                UnitId.random(),
                LanguageTag.of("en"),
                LanguageTag.of("ru"),
                source,
                target,
                null,
                new Provenance(Origin.IMPORTED, null, null, null, "Tester", Instant.now(), file))));
    }

    Person russianSpeaker(String language) {
        String username = "olga-" + Long.toString(System.nanoTime(), 36);
        var account = accounts.create(new CreateAccount(
                username, "Ольга", PASSWORD, Set.of(Role.TRANSLATOR), Set.of(LanguageTag.of(language)), "ru"));
        return new Person(account, http().as(username, PASSWORD));
    }

    byte[] export(Person who, String id, String query) {
        return download(who.account().username(), "/api/translations/" + id + "/xliff" + query);
    }

    static Http.Response upload(Person who, String id, byte[] file) {
        return upload(who.http(), "/api/translations/" + id + "/xliff", file);
    }

    static Http.Response upload(Http http, String path, byte[] file) {
        String boundary = "verso-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"back.xlf\"\r\n"
                                + "Content-Type: application/xliff+xml\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** The segments as the API answers them, as text: compared byte for byte before and after a refused import. */
    static String segmentsText(Person who, String id) {
        var response = who.http().get("/api/translations/" + id + "/segments?size=500");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    static JsonNode segmentList(Person who, String id) {
        return segments(who, id);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
