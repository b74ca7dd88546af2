package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application on H2: upload, follow the job, read, correct and download documents over the API. */
class IngestApiTest extends WebTest {
    static final String PASSWORD = "coordinator-password-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    Http coordinator;
    Http translator;

    @BeforeEach
    void accounts() {
        coordinator = account("ingest-coordinator", "COORDINATOR");
        translator = account("ingest-translator", "TRANSLATOR");
    }

    private Http account(String name, String role) {
        var created = admin().postJson(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                name,
                                "password",
                                PASSWORD,
                                "roles",
                                List.of(role),
                                "languages",
                                List.of("ru")));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return http().as(name, PASSWORD);
    }

    static Path corpus(String relative) {
        String env = System.getenv("VERSO_TEST_CORPUS");
        Path dir = env != null ? Path.of(env) : Path.of("..", "..", "shared", "corpus");
        if (!Files.isDirectory(dir) && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("The test corpus is missing at " + dir.toAbsolutePath());
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "test corpus absent; skipping");
        return dir.resolve(relative);
    }

    JsonNode awaitJob(String id) throws InterruptedException {
        return awaitJob(coordinator, id);
    }

    static JsonNode awaitJob(Http coordinator, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            var job = coordinator.get("/api/ingest/jobs/" + id);
            assertThat(job.status()).as(job.body()).isEqualTo(200);
            String status = job.json().path("status").asString();
            if (status.equals("completed") || status.equals("failed")) {
                return job.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    static JsonNode item(JsonNode job, String fileName) {
        for (JsonNode item : job.path("items")) {
            if (item.path("fileName").asString().equals(fileName)) {
                return item;
            }
        }
        throw new AssertionError("no " + fileName + " in " + job);
    }

    @Test
    void uploadedFilesBecomeDocumentsWithTheirFailuresExplained() throws Exception {
        byte[] russian = Files.readAllBytes(corpus("udhr/legacy-encodings/Russian-Cyrillic.txt"));
        byte[] unique = ("Rotterdam Charter " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("декларация.txt", russian);
        files.put("charter.txt", unique);
        files.put("locked.docx", Files.readAllBytes(corpus("broken/encrypted/docx-password-tika.docx")));

        var response = Multipart.upload(port, "ingest-coordinator", PASSWORD, files, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).get().asString().startsWith("/api/ingest/jobs/");
        JsonNode job = awaitJob(JSON.readTree(response.body()).path("id").asString());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("total").asInt()).isEqualTo(3);
        assertThat(job.path("percent").asInt()).isEqualTo(100);
        JsonNode locked = item(job, "locked.docx");
        assertThat(locked.path("outcome").asString()).isEqualTo("failed");
        assertThat(locked.path("reasonCode").asString()).isEqualTo("encrypted");
        assertThat(locked.path("reason").asString()).contains("password");
        JsonNode charter = item(job, "charter.txt");
        assertThat(charter.path("outcome").asString()).isEqualTo("ingested");

        String id = charter.path("documentId").asString();
        var doc = coordinator.get("/api/documents/" + id).json();
        assertThat(doc.path("title").asString()).isEqualTo("charter");
        assertThat(doc.path("files").get(0).path("originalName").asString()).isEqualTo("charter.txt");
        String sha = doc.path("files").get(0).path("sha256").asString();
        assertThat(sha).isEqualTo(charter.path("sha256").asString());

        var download =
                Multipart.download(port, "ingest-translator", PASSWORD, "/api/documents/" + id + "/files/" + sha);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(unique);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/plain");

        String russianId = item(job, "декларация.txt").path("documentId").asString();
        var russianDoc = translator.get("/api/documents/" + russianId).json();
        assertThat(russianDoc.path("sourceLanguage").asString()).isEqualTo("ru");
        assertThat(russianDoc.path("files").get(0).path("originalName").asString())
                .isEqualTo("декларация.txt");

        var again = Multipart.upload(port, "ingest-coordinator", PASSWORD, Map.of("again.txt", unique), null);
        JsonNode second = awaitJob(JSON.readTree(again.body()).path("id").asString());
        assertThat(item(second, "again.txt").path("outcome").asString()).isEqualTo("duplicate");
        assertThat(item(second, "again.txt").path("reason").asString())
                .contains("Duplicate of")
                .contains(id);

        var retried = coordinator.send(
                "POST", "/api/ingest/items/" + locked.path("id").asString() + "/retry", null, "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(item(awaitJob(retried.json().path("id").asString()), "locked.docx")
                        .path("reasonCode")
                        .asString())
                .isEqualTo("encrypted");
    }

    @Test
    void coordinatorsCorrectEveryFieldAndBadInputChangesNothing() throws Exception {
        var response = Multipart.upload(
                port,
                "ingest-coordinator",
                PASSWORD,
                Map.of("manual.txt", ("Policing in a democratic society " + UUID.randomUUID()).getBytes()),
                null);
        String id = item(awaitJob(JSON.readTree(response.body()).path("id").asString()), "manual.txt")
                .path("documentId")
                .asString();

        var patched = coordinator.patchJson(
                "/api/documents/" + id,
                Map.of(
                        "title", "Policing in a Democratic Society",
                        "kind", "manual",
                        "issuingBody", "Council of Europe",
                        "sourceLanguage", "en",
                        "year", 1997,
                        "tags", List.of("Police", "training")));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode doc = coordinator.get("/api/documents/" + id).json();
        assertThat(doc.path("title").asString()).isEqualTo("Policing in a Democratic Society");
        assertThat(doc.path("kind").asString()).isEqualTo("manual");
        assertThat(doc.path("issuingBody").asString()).isEqualTo("Council of Europe");
        assertThat(doc.path("year").asInt()).isEqualTo(1997);
        assertThat(doc.path("tags").toString()).isEqualTo("[\"police\",\"training\"]");

        for (String bad : List.of(
                "{\"year\": 99999}",
                "{\"year\": \"1997\"}",
                "{\"title\": \"\"}",
                "{\"kind\": \"poem\"}",
                "{\"sourceLanguage\": \"not a language\"}",
                "{\"colour\": \"red\"}",
                "[1, 2]",
                "not json")) {
            var refused = coordinator.send("PATCH", "/api/documents/" + id, "application/json", bad);
            assertThat(refused.status()).as(bad + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).as(bad).isTrue();
        }
        assertThat(coordinator.get("/api/documents/" + id).json()).isEqualTo(doc);

        var cleared = coordinator.patchJson("/api/documents/" + id, "{\"year\": null, \"issuingBody\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().has("year")).isFalse();
        assertThat(cleared.json().has("issuingBody")).isFalse();

        assertThat(translator
                        .patchJson("/api/documents/" + id, Map.of("title", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(coordinator
                        .patchJson("/api/documents/" + UUID.randomUUID(), Map.of("title", "x"))
                        .problemCode())
                .isEqualTo("document-not-found");
        assertThat(coordinator.get("/api/documents/not-an-id").status()).isEqualTo(404);
        assertThat(coordinator
                        .get("/api/documents/" + id + "/files/" + "0".repeat(64))
                        .status())
                .isEqualTo(404);
        assertThat(coordinator.get("/api/documents/" + id + "/files/xyz").status())
                .isEqualTo(400);

        var listed = translator
                .get("/api/documents?q=democratic%20society&kind=MANUAL&size=5")
                .json();
        assertThat(listed.path("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(translator.get("/api/documents?size=0").status()).isEqualTo(400);
        assertThat(translator.get("/api/documents?kind=poem").status()).isEqualTo(400);
    }

    @Test
    void aFileNameWithBidiControlsCannotDisguiseItsExtensionAndDownloadsLeaveNoCopies() throws Exception {
        String name = "report\u202Efdp.txt"; // a browser would show "reporttxt.pdf"
        byte[] text = ("Bidirectional name " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var response = Multipart.upload(port, "ingest-coordinator", PASSWORD, Map.of(name, text), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = awaitJob(JSON.readTree(response.body()).path("id").asString());
        JsonNode item = job.path("items").get(0);
        assertThat(item.path("fileName").asString()).isEqualTo("report[U+202E]fdp.txt");
        String id = item.path("documentId").asString();
        var doc = coordinator.get("/api/documents/" + id);
        assertThat(doc.body())
                .doesNotContain("\u202E")
                .doesNotContain("\\u202e")
                .doesNotContain("\\u202E");
        JsonNode file = doc.json().path("files").get(0);
        assertThat(file.path("originalName").asString()).isEqualTo("report[U+202E]fdp.txt");

        var download = Multipart.download(
                port, "ingest-translator", PASSWORD, file.path("download").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .doesNotContain("%E2%80%AE")
                .doesNotContain("\u202E")
                .contains("fdp.txt");
        assertThat(download.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(download.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");

        var page = Multipart.download(port, "ingest-coordinator", PASSWORD, "/documents/" + id);
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(html).contains("report[U+202E]fdp.txt").doesNotContain("\u202E");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void folderImportOutsideTheRootsIsRefusedAlikeWhetherThePathExistsOrNot() throws Exception {
        Path existing = Files.createTempDirectory("verso-outside");
        Path missing = existing.resolve("no-such-folder-" + UUID.randomUUID());
        Path root = Path.of(environment.getProperty("verso.data-dir")).resolve("import");

        var refusedExisting = coordinator.postJson("/api/ingest/jobs", Map.of("path", existing.toString()));
        var refusedMissing = coordinator.postJson("/api/ingest/jobs", Map.of("path", missing.toString()));
        var escaping = coordinator.postJson(
                "/api/ingest/jobs",
                Map.of(
                        "path",
                        root.resolve("../../no-such-" + UUID.randomUUID()).toString()));
        var missingUnderRoot = coordinator.postJson(
                "/api/ingest/jobs",
                Map.of("path", root.resolve("no-such-" + UUID.randomUUID()).toString()));

        for (var refused : List.of(refusedExisting, refusedMissing, escaping)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("path-not-allowed");
        }
        assertThat(missingUnderRoot.status()).as(missingUnderRoot.body()).isEqualTo(400);
        assertThat(missingUnderRoot.problemCode()).isEqualTo("not-a-folder");
    }

    @Test
    void folderImportsOnlyUnderTheAllowedRoots() throws Exception {
        Path outside = Files.createTempDirectory("verso-outside");

        var refused = coordinator.postJson("/api/ingest/jobs", Map.of("path", outside.toString()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("path-not-allowed");
        assertThat(refused.json().path("detail").asString()).contains("only read folders under");
        assertThat(coordinator.postJson("/api/ingest/jobs", Map.of("path", "")).status())
                .isEqualTo(400);
        assertThat(coordinator.get("/api/ingest/jobs/" + UUID.randomUUID()).problemCode())
                .isEqualTo("ingest-job-not-found");
        assertThat(translator
                        .postJson("/api/ingest/jobs", Map.of("path", outside.toString()))
                        .problemCode())
                .isEqualTo("forbidden");

        Path root = Path.of(environment.getProperty("verso.data-dir")).resolve("import");
        Path folder = Files.createDirectories(root.resolve("folder-" + UUID.randomUUID()));
        Files.writeString(folder.resolve("a.txt"), "First file " + UUID.randomUUID());
        Files.createDirectories(folder.resolve("nested"));
        Files.writeString(folder.resolve("nested/b.txt"), "Second file " + UUID.randomUUID());

        var accepted = coordinator.postJson("/api/ingest/jobs", Map.of("path", folder.toString()));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = awaitJob(accepted.json().path("id").asString());
        assertThat(job.path("ingested").asInt()).isEqualTo(2);
        assertThat(item(job, "nested/b.txt").path("outcome").asString()).isEqualTo("ingested");
    }
}
