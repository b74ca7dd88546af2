package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.DocumentIngested;
import org.verso.library.testing.TempDirs;
import org.verso.web.testing.Browser;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * A new version of a document's file, end to end on H2: a real DOCX made here in two versions (one sentence changed,
 * one added, one removed) goes through the API and the ingest workers; the document's translation carries over to
 * it (unchanged kept, changed marked with its diff and old translation, new new, removed kept); each bad upload is a
 * specific problem and changes nothing. Runs in an application of its own with a small file-size limit.
 */
class SourceVersionsTest extends WorkTestBase {
    private static final Path DATA_DIR = TempDirs.create("verso-test-versions-");

    @RegisterExtension
    static Browser browser = new Browser();

    @DynamicPropertySource
    static void smallLimit(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
        registry.add("verso.ingest.max-file-size", () -> "64KB");
    }

    // the sentences recur in every test here and one of them approves its translation: the translations are opened
    // without pre-translation, so that each test starts from new segments whatever the memory learnt before
    private static final String LIFE = "Everyone has the right to life.";
    private static final String SLAVERY = "No one shall be held in slavery.";
    private static final String SLAVERY_2 = "No one shall ever be held in slavery.";
    private static final String GONE = "This paragraph disappears from the new version.";
    private static final String TRIAL = "Everyone has the right to a fair trial.";
    private static final String PRIVACY = "Private and family life are protected from interference.";

    @Test
    void aNewVersionCarriesTheTranslationOverAndShowsTheCountsBeforeAndAfter() {
        Person coordinator = coordinator();
        Person translator = translator("Versions translator", "ru");
        String ref = "Reference " + UUID.randomUUID() + ".";
        DocumentIngested v1 = ingest(paragraphs(LIFE, SLAVERY, GONE, TRIAL, ref), "charter.docx", DOCX_TYPE, "");
        String document = v1.documentId().toString();
        String translation = open(coordinator, v1, "ru", false).get("id").asString();
        assertThat(translator
                        .http()
                        .postJson("/api/translations/" + translation + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode before = segments(translator, translation);
        assertThat(before).hasSize(5);
        assertThat(save(
                                translator,
                                translation,
                                before.get(0),
                                "Каждый имеет право на жизнь.",
                                "translated",
                                before.get(0).get("version").asInt())
                        .status())
                .isEqualTo(200);
        assertThat(save(
                                translator,
                                translation,
                                before.get(1),
                                "Никто не должен содержаться в рабстве.",
                                "translated",
                                0)
                        .status())
                .isEqualTo(200);
        assertThat(save(
                                translator,
                                translation,
                                before.get(2),
                                "Этот абзац исчезнет.",
                                "translated",
                                before.get(2).get("version").asInt())
                        .status())
                .isEqualTo(200);
        assertThat(save(
                                translator,
                                translation,
                                before.get(3),
                                "Каждый имеет право",
                                "draft",
                                before.get(3).get("version").asInt())
                        .status())
                .isEqualTo(200);

        // when: the coordinator uploads the new version
        byte[] v2 = paragraphs(LIFE, SLAVERY_2, TRIAL, PRIVACY, ref);
        Http.Response uploaded = upload(coordinator, document, v1.file().hex(), "charter-2.docx", v2);

        // then: the answer has the counts before the change
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode answer = uploaded.json();
        assertThat(answer.get("oldFile").asString()).isEqualTo(v1.file().hex());
        assertThat(answer.at("/newFile/mediaType").asString()).isEqualTo(DOCX_TYPE);
        assertThat(answer.at("/translations/0/language").asString()).isEqualTo("ru");
        assertThat(answer.at("/translations/0/before/done").asInt()).isEqualTo(3);
        assertThat(answer.at("/translations/0/before/total").asInt()).isEqualTo(5);
        String newFile = answer.at("/newFile/sha256").asString();

        // and, once the new version is segmented, what it did
        JsonNode change = awaitChange(coordinator, document);
        assertThat(change.get("newFile").asString()).isEqualTo(newFile);
        assertThat(change.get("unchanged").asInt()).isEqualTo(3); // life, trial, the reference
        assertThat(change.get("changed").asInt()).isEqualTo(1);
        assertThat(change.get("added").asInt()).isEqualTo(1);
        assertThat(change.get("removed").asInt()).isEqualTo(1);
        JsonNode carried = change.at("/translations/0");
        assertThat(carried.at("/before/done").asInt()).isEqualTo(3);
        assertThat(carried.at("/after/done").asInt()).isEqualTo(1);
        assertThat(carried.at("/after/total").asInt()).isEqualTo(5);
        assertThat(carried.at("/removed/0/source").asString()).isEqualTo(GONE);
        assertThat(carried.at("/removed/0/target").asString()).isEqualTo("Этот абзац исчезнет.");
        assertThat(carried.at("/removed/0/status").asString()).isEqualTo("translated");

        JsonNode after = segments(translator, translation);
        assertThat(after).hasSize(5);
        assertThat(texts(after, "source")).containsExactly(LIFE, SLAVERY_2, TRIAL, PRIVACY, ref);
        assertThat(after.findValuesAsString("file")).containsOnly(newFile);
        assertThat(texts(after, "status")).containsExactly("translated", "source_changed", "draft", "new", "new");
        assertThat(texts(after, "target"))
                .containsExactly(
                        "Каждый имеет право на жизнь.",
                        "Никто не должен содержаться в рабстве.",
                        "Каждый имеет право",
                        "",
                        "");
        assertThat(after.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(absent(after.get(0).path("sourceDiff"))).isTrue();
        JsonNode diff = after.get(1).get("sourceDiff");
        assertThat(diff.findValuesAsString("op")).containsExactly("equal", "insert", "equal");
        assertThat(diff.get(1).get("text").asString()).isEqualTo("ever ");

        // the editor shows the word diff above the changed segment
        browser.at(port).size(1280, 900);
        browser.signIn(translator.account().username(), PASSWORD).waitFor("#who");
        browser.open("/translations/" + translation + "/edit");
        assertThat(browser.waitFor(".seg-diff ins.diff-insert").getText()).isEqualTo("ever");
        assertThat(browser.all(".seg-diff")).hasSize(1);

        // the changed segment's history came with it
        var history = translator
                .http()
                .get("/api/translations/" + translation + "/segments/"
                        + after.get(1).get("id").asString() + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items").findValuesAsString("target"))
                .containsExactly("Никто не должен содержаться в рабстве.");

        // confirming the changed segment clears its status and its diff
        var confirmed = save(
                translator,
                translation,
                after.get(1),
                "Никто никогда не должен содержаться в рабстве.",
                "translated",
                1);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("translated");
        assertThat(absent(confirmed.json().path("sourceDiff"))).isTrue();

        // the document's files are the new set; the old one stays, listed as superseded and downloadable
        JsonNode doc = coordinator.http().get("/api/documents/" + document).json();
        assertThat(doc.get("files").findValuesAsString("sha256")).containsExactly(newFile);
        JsonNode versions = coordinator
                .http()
                .get("/api/documents/" + document + "/versions")
                .json();
        assertThat(versions.at("/superseded/0/file/sha256").asString())
                .isEqualTo(v1.file().hex());
        assertThat(versions.at("/superseded/0/supersededBy").asString()).isEqualTo(newFile);
        assertThat(coordinator
                        .http()
                        .get("/api/documents/" + document + "/files/"
                                + v1.file().hex())
                        .status())
                .isEqualTo(200);
        String page = coordinator.http().get("/documents/" + document).body();
        assertThat(page).contains("id=\"source-changes\"").contains("id=\"superseded-files\"");
    }

    @Test
    void anApprovedRevisionStaysAsItWasAndStillComesOutOfTheFileItWasApprovedOn() throws IOException {
        Person coordinator = coordinator();
        Person translator = translator("Revision translator", "ru");
        String ref = "Reference " + UUID.randomUUID() + ".";
        DocumentIngested v1 = ingest(paragraphs(LIFE, TRIAL, ref), "approved.docx", DOCX_TYPE, "");
        String id = open(coordinator, v1, "ru", false).get("id").asString();
        assertThat(translator
                        .http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        JsonNode segments = segments(translator, id);
        // the reference keeps its identifier: the quality checks refuse a submit whose numbers differ from the source
        List<String> russian = List.of(
                "Каждый имеет право на жизнь.",
                "Каждый имеет право на суд.",
                "Ссылка " + ref.substring("Reference ".length()));
        for (int i = 0; i < 3; i++) {
            assertThat(save(
                                    translator,
                                    id,
                                    segments.get(i),
                                    russian.get(i),
                                    "translated",
                                    segments.get(i).get("version").asInt())
                            .status())
                    .isEqualTo(200);
        }
        assertThat(translator
                        .http()
                        .postJson("/api/translations/" + id + "/submit", "")
                        .status())
                .isEqualTo(200);
        for (JsonNode segment : segments) {
            assertThat(coordinator
                            .http()
                            .postJson(
                                    "/api/translations/" + id + "/segments/"
                                            + segment.get("id").asString() + "/review",
                                    java.util.Map.of("decision", "approve"))
                            .status())
                    .isEqualTo(200);
        }
        var revision = coordinator.http().postJson("/api/translations/" + id + "/approve", "");
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        String revisionId = revision.json().get("id").asString();
        String sha = revision.json().get("sha256").asString();

        Http.Response uploaded = upload(
                coordinator,
                v1.documentId().toString(),
                v1.file().hex(),
                "approved.docx",
                paragraphs(LIFE, SLAVERY, TRIAL, ref));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode change = awaitChange(coordinator, v1.documentId().toString());

        assertThat(change.get("unchanged").asInt()).isEqualTo(3);
        assertThat(change.get("added").asInt()).isEqualTo(1);
        assertThat(texts(segments(translator, id), "status"))
                .containsExactly("approved", "new", "approved", "approved");
        JsonNode revisions = translator
                .http()
                .get("/api/translations/" + id + "/revisions")
                .json()
                .get("items");
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).get("sha256").asString()).isEqualTo(sha);
        byte[] output =
                download(translator.account().username(), "/api/translations/" + id + "/output?revision=" + revisionId);
        String xml = documentXml(output);
        assertThat(xml)
                .contains(russian.get(0), russian.get(1))
                .doesNotContain("slavery")
                .doesNotContain(LIFE);
    }

    private static String documentXml(byte[] docx) throws IOException {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml in the output");
    }

    @Test
    void eachBadUploadIsASpecificProblemAndChangesNothing() {
        Person coordinator = coordinator();
        DocumentIngested v1 =
                ingest(paragraphs(LIFE, "Bad uploads " + UUID.randomUUID() + "."), "bad.docx", DOCX_TYPE, "");
        String document = v1.documentId().toString();
        String old = v1.file().hex();
        String docBefore = coordinator.http().get("/api/documents/" + document).body();

        assertProblem(
                upload(coordinator, document, old, "notes.txt", "Just some text.\n".getBytes(StandardCharsets.UTF_8)),
                415,
                "different-file-kind");
        assertProblem(upload(coordinator, document, old, "empty.docx", new byte[0]), 400, "empty-file");
        byte[] large = new byte[70 * 1024];
        new java.util.Random(7).nextBytes(large);
        assertProblem(upload(coordinator, document, old, "large.docx", large), 413, "file-too-large");
        assertProblem(
                upload(coordinator, document, old, "same.docx", download(coordinator, document, old)),
                409,
                "same-file-version");
        assertProblem(
                upload(coordinator, document, "ab".repeat(32), "other.docx", paragraphs("Another file.")),
                404,
                "file-not-found");
        Person translator = translator("Versions reader", "ru");
        assertProblem(
                upload(translator, document, old, "v2.docx", paragraphs("A translator's version.")), 403, "forbidden");

        assertThat(coordinator.http().get("/api/documents/" + document).body()).isEqualTo(docBefore);
        JsonNode versions = coordinator
                .http()
                .get("/api/documents/" + document + "/versions")
                .json();
        assertThat(versions.get("superseded")).isEmpty();
        assertThat(versions.get("changes")).isEmpty();

        // a file replaced already cannot be replaced again: its newer version can
        Http.Response first = upload(coordinator, document, old, "v2.docx", paragraphs(LIFE, "A second version."));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertProblem(
                upload(coordinator, document, old, "v3.docx", paragraphs(LIFE, "A third version.")),
                409,
                "file-superseded");
    }

    private byte[] download(Person who, String document, String sha) {
        return download(who.account().username(), "/api/documents/" + document + "/files/" + sha);
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.problemCode()).as(response.body()).isEqualTo(code);
    }

    /** A field left out of the answer (nulls are not written). */
    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(
                field.equals("source")
                        ? plain(item.get(field).asString())
                        : item.get(field).asString()));
        return texts;
    }

    private static String plain(String markup) {
        return markup.replaceAll("<[^>]+>", "");
    }

    private JsonNode awaitChange(Person who, String document) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode changes = who.http()
                    .get("/api/documents/" + document + "/versions")
                    .json()
                    .get("changes");
            if (!changes.isEmpty()) {
                return changes.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the new version was not carried over within 60 s");
    }

    static Http.Response upload(Person who, String document, String sha, String name, byte[] bytes) {
        String boundary = "verso-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(bytes);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return who.http()
                .send(
                        "POST",
                        "/api/documents/" + document + "/files/" + sha + "/versions",
                        "multipart/form-data; boundary=" + boundary,
                        body.toByteArray());
    }

    /** A minimal DOCX with one paragraph per text. */
    static byte[] paragraphs(String... texts) {
        StringBuilder body = new StringBuilder();
        for (String p : texts) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">")
                    .append(p.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</w:t></w:r></w:p>");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                            + "</Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                            + "</Relationships>");
            put(
                    zip,
                    "word/document.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:body>" + body + "</w:body></w:document>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
