package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * An import and a save in the editor of the same segment at the same time, on real threads over HTTP: exactly one of
 * them lands on the segment (the save first: the unit is a conflict; the import first: the save is stale), the other
 * changes nothing of it, and the rest of the file is imported either way.
 */
class XliffImportRaceTest extends XliffTestBase {
    private static final Pattern TARGET = Pattern.compile("(<target[^>]*>)(.*?)(</target>)", Pattern.DOTALL);

    @Test
    void ofAnImportAndAnEditorSaveOfOneSegmentAtOnceExactlyOneLands() throws Exception {
        Claimed t = claimed("ru");
        int segmentCount = segmentList(t.holder(), t.id()).size();
        for (int round = 0; round < segmentCount * 2; round++) {
            JsonNode before = segmentList(t.holder(), t.id());
            JsonNode segment = before.get(round % segmentCount);
            int version = segment.get("version").asInt();
            String file =
                    marked(text(export(t.holder(), t.id(), "?version=" + (round % 2 == 0 ? "1.2" : "2.0"))), round);
            String typed = XliffImportTest.cyrillicMarkup(segment.get("source").asString()) + " (typed " + round + ")";

            List<Http.Response> answers = WorkRaceTest.all(List.of(
                    () -> upload(t.holder(), t.id(), file.getBytes(StandardCharsets.UTF_8)),
                    () -> save(t.holder(), t.id(), segment, typed, "translated", version)));

            Http.Response imported = answers.get(0);
            Http.Response saved = answers.get(1);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("updated").asInt())
                    .isEqualTo(segmentCount - 1 + (saved.status() == 200 ? 0 : 1));
            JsonNode unit = unitOf(imported.json(), segment.get("id").asString());
            JsonNode after = segmentList(t.holder(), t.id()).get(round % segmentCount);
            assertThat(after.get("version").asInt()).isEqualTo(version + 1);
            if (saved.status() == 200) {
                assertThat(unit.get("outcome").asString()).isEqualTo("conflict");
                assertThat(after.get("target").asString()).isEqualTo(typed);
            } else {
                assertThat(saved.status()).as(saved.body()).isEqualTo(409);
                assertThat(saved.problemCode()).isEqualTo("stale-segment");
                assertThat(unit.get("outcome").asString()).isEqualTo("updated");
                assertThat(after.get("target").asString()).startsWith("R" + round + " ");
            }
            var history = t.holder()
                    .http()
                    .get("/api/translations/" + t.id() + "/segments/"
                            + segment.get("id").asString() + "/history")
                    .json()
                    .get("items");
            assertThat(history).hasSize(version + 1);
        }
    }

    /** Every target of the file with a round mark in front, its codes kept: every unit differs from Verso's. */
    private static String marked(String xliff, int round) {
        Matcher m = TARGET.matcher(xliff);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(m.group(1) + "R" + round + " " + m.group(2) + m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private static JsonNode unitOf(JsonNode report, String segment) {
        for (JsonNode unit : report.get("units")) {
            if (segment.equals(unit.get("segment").asString())) {
                return unit;
            }
        }
        throw new AssertionError("no unit for segment " + segment + " in " + report);
    }
}
