package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.Account;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.DocumentIngested;
import org.verso.library.LanguageTag;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/** People, documents and translations for the translation-work tests, made through the API where it matters. */
abstract class WorkTestBase extends SegmentsTestBase {
    static final String PASSWORD = "a-long-test-password";
    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    Accounts accounts;

    /** Someone signed in, with an account of their own. */
    record Person(Account account, Http http) {
        String id() {
            return account.id().toString();
        }
    }

    Person person(String name, Set<Role> roles, String... languages) {
        String username =
                name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + Long.toString(System.nanoTime(), 36);
        Account account = accounts.create(new CreateAccount(
                username,
                name,
                PASSWORD,
                roles,
                Set.of(languages).stream().map(LanguageTag::of).collect(Collectors.toSet()),
                "en"));
        return new Person(account, http().as(username, PASSWORD));
    }

    Person translator(String name, String... languages) {
        return person(name, Set.of(Role.TRANSLATOR), languages);
    }

    Person coordinator() {
        return person("coordinator", Set.of(Role.COORDINATOR));
    }

    /** A DOCX document of one paragraph of {@code sentences} (bold as {@code <b>}), segmented. */
    DocumentIngested document(String paragraph) {
        return ingest(docx(paragraph + " Ref " + System.nanoTime() + "."), "charter.docx", DOCX_TYPE, "");
    }

    /** Opens a translation into {@code language} (the memory's exact matches filled in) and returns it. */
    JsonNode open(Person coordinator, DocumentIngested document, String language) {
        return open(coordinator, document, language, true);
    }

    /** Opens a translation into {@code language}, with or without pre-translation from the memory. */
    JsonNode open(Person coordinator, DocumentIngested document, String language, boolean preTranslate) {
        var response = coordinator
                .http()
                .postJson(
                        "/api/translations",
                        Map.of(
                                "document",
                                document.documentId().toString(),
                                "targetLanguages",
                                List.of(language),
                                "preTranslate",
                                preTranslate));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("items").get(0);
    }

    static Http.Response put(Http http, String path, Object body) {
        return http.send(
                "PUT",
                path,
                "application/json",
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body));
    }

    static Http.Response save(
            Person who, String translation, JsonNode segment, String target, String status, int version) {
        return put(
                who.http(),
                "/api/translations/" + translation + "/segments/"
                        + segment.get("id").asString(),
                Map.of("target", target, "status", status, "version", version));
    }

    static JsonNode segments(Person who, String translation) {
        var response = who.http().get("/api/translations/" + translation + "/segments?size=500");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    /** The bytes of a GET, for downloads. */
    byte[] download(String username, String path) {
        String token = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(http().url(path)))
                                    .header("Authorization", "Basic " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode())
                    .as(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
