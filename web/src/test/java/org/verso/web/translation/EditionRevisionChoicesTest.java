package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verso.accounts.Role;
import org.verso.library.DocumentIngested;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Logistics staff build editions of approved revisions without opening translations: the edition form offers the
 * latest approved revisions by title, language and number, the id being what it sends.
 */
class EditionRevisionChoicesTest extends WorkTestBase {
    @Test
    void theEditionFormOffersAnApprovedRevisionByItsDocumentsTitleLanguageAndNumber() {
        String word = "Wombatshire" + Long.toString(System.nanoTime(), 36);
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        DocumentIngested document = document("The " + word + " charter protects everyone.");
        String id = open(coordinator, document, "ru", false).get("id").asString();
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segments = segments(anna, id);
        for (JsonNode segment : segments) {
            String target = segment.get("source").asString().replace("The " + word + " charter", "Хартия " + word);
            assertThat(save(
                                    anna,
                                    id,
                                    segment,
                                    target,
                                    "translated",
                                    segment.get("version").asInt())
                            .status())
                    .isEqualTo(200);
        }
        String revision = MemoryFromApprovalsTest.approve(coordinator, anna, id, segments)
                .get("id")
                .asString();
        String title = coordinator
                .http()
                .get("/api/documents/" + document.documentId())
                .json()
                .get("title")
                .asString();

        Person logistics = person("Lena", Set.of(Role.LOGISTICS));
        var page = Http.exchange(HttpRequest.newBuilder(URI.create(http().url("/distribution/editions")))
                .header("Accept", "text/html")
                .header("Authorization", Http.basic(logistics.account().username(), PASSWORD))
                .build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("list=\"approved-revisions\"")
                .contains("<option value=\"" + revision + "\" label=\"" + title + " — ru, revision 1\"");
    }
}
