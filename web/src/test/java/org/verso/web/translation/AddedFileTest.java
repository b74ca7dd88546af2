package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verso.library.DocumentIngested;
import tools.jackson.databind.JsonNode;

/** A file added to a document whose translations are under way: each translation gets its segments, new. */
class AddedFileTest extends WorkTestBase {
    @Test
    void aBrochureAddedToTheKitAfterItsTranslationOpenedBecomesPartOfThatTranslation() {
        Person coordinator = coordinator();
        DocumentIngested kit = document("The first brochure explains arrest. Officers read it aloud.");
        JsonNode translation = open(coordinator, kit, "ru", false);
        String id = translation.get("id").asString();
        int before = segments(coordinator, id).size();
        assertThat(before).isEqualTo(3); // two sentences and the marker ("Ref …")

        DocumentIngested added = ingest(
                kit.documentId(),
                docx(
                        "The second brochure explains detention. It has a <b>table</b> of rights.",
                        "added " + System.nanoTime()),
                "brochure-2.docx",
                DOCX_TYPE,
                "");
        assertThat(added.documentId()).isEqualTo(kit.documentId());

        JsonNode after = segments(coordinator, id);
        List<String> sources = new ArrayList<>();
        after.forEach(s -> sources.add(s.get("source").asString()));
        assertThat(after).hasSize(before + 2);
        assertThat(sources).anyMatch(s -> s.contains("The second brochure explains detention."));
        after.forEach(s -> {
            if (s.get("source").asString().contains("second brochure")) {
                assertThat(s.get("status").asString()).isEqualTo("new");
            }
        });
        JsonNode work = coordinator.http().get("/api/translations/" + id).json();
        assertThat(work.get("segments").asInt()).isEqualTo(before + 2);
    }
}
