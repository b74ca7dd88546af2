package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as a real process with its heap capped at 1 GB: killed with SIGKILL in the middle of a 300-file
 * import, started again, and the import resumes with every file catalogued exactly once; then the whole broken corpus
 * goes through it and it still serves. Also the command-line mode.
 */
class IngestProcessTest {
    private static final int FILES = 300;

    @TempDir
    Path temp;

    @Test
    void anImportKilledMidwayResumesOnRestartWithEveryFileOnceAndTheBrokenCorpusCannotTakeTheAppDown()
            throws Exception {
        Path data = temp.resolve("data");
        Path folder = data.resolve("import/restart");
        Files.createDirectories(folder);
        for (int i = 0; i < FILES; i++) {
            Files.writeString(
                    folder.resolve(String.format("doc-%03d.txt", i)),
                    "Document " + i + ". Everyone has the right to education, " + UUID.randomUUID() + ".",
                    StandardCharsets.UTF_8);
        }
        Path log = temp.resolve("app.log");
        String jobId;
        int doneAtKill;
        try (ChildApplication first = ChildApplication.start(data, log)) {
            var accepted = first.admin().postJson("/api/ingest/jobs", Map.of("path", folder.toString()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            jobId = accepted.json().path("id").asString();
            doneAtKill = awaitDone(first.admin(), jobId, 40);

            first.killHard();
        }
        assertThat(doneAtKill).as("killed in the middle").isLessThan(FILES);

        try (ChildApplication second = ChildApplication.start(data, log)) {
            Http admin = second.admin();
            JsonNode job = awaitFinished(admin, jobId);

            assertThat(job.path("status").asString()).isEqualTo("completed");
            assertThat(job.path("total").asInt()).isEqualTo(FILES);
            assertThat(job.path("ingested").asInt()).isEqualTo(FILES);
            assertThat(job.path("duplicates").asInt()).isZero();
            assertThat(job.path("failed").asInt()).isZero();
            Set<String> documents = new HashSet<>();
            job.path("items")
                    .forEach(item -> documents.add(item.path("documentId").asString()));
            assertThat(documents).hasSize(FILES);
            assertThat(admin.get("/api/documents?size=1").json().path("total").asInt())
                    .isEqualTo(FILES);
            assertThat(searchableDocuments(admin))
                    .as("the index agrees with the catalogue: every document found once")
                    .containsExactlyInAnyOrderElementsOf(documents);

            Path broken = data.resolve("import/broken");
            int brokenFiles = copyTree(corpus().resolve("broken"), broken);
            var accepted = admin.postJson("/api/ingest/jobs", Map.of("path", broken.toString()));
            JsonNode brokenJob = awaitFinished(admin, accepted.json().path("id").asString());

            assertThat(brokenJob.path("status").asString()).isEqualTo("completed");
            // two of the bombs are harmless nested archives (zip-of-zip.zip, nested-tarball.tar): each is unpacked,
            // and its one file joins the job
            assertThat(brokenJob.path("done").asInt()).isEqualTo(brokenFiles + 2);
            assertThat(brokenJob.path("total").asInt()).isEqualTo(brokenFiles + 2);
            brokenJob.path("items").forEach(item -> {
                assertThat(item.path("outcome").asString())
                        .as(item.toString())
                        .isIn("ingested", "duplicate", "failed", "unpacked");
                if (item.path("outcome").asString().equals("unpacked")) {
                    assertThat(item.path("fileName").asString()).matches(".*(zip-of-zip\\.zip|nested-tarball\\.tar)");
                }
                if (item.path("outcome").asString().equals("failed")) {
                    assertThat(item.path("reason").asString())
                            .as(item.toString())
                            .isNotBlank();
                }
            });
            assertThat(brokenJob.path("failed").asInt()).isGreaterThan(20);
            assertThat(second.alive()).isTrue();
            assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
            assertThat(admin.get("/api/documents?size=1").status()).isEqualTo(200);
        }
    }

    @Test
    void theCommandLineModeIngestsAFolderPrintsASummaryAndWritesAReport() throws Exception {
        Path folder = temp.resolve("to-import");
        Files.createDirectories(folder.resolve("nested"));
        Files.writeString(folder.resolve("one.txt"), "One " + UUID.randomUUID());
        Files.writeString(folder.resolve("nested/two.txt"), "Two " + UUID.randomUUID());
        Files.write(folder.resolve("empty.pdf"), new byte[0]);
        Path report = temp.resolve("report.jsonl");
        Path output = temp.resolve("cli.log");

        Process cli = new ProcessBuilder(ChildApplication.java(
                        "1g",
                        output,
                        "ingest",
                        folder.toString(),
                        "--report",
                        report.toString(),
                        "--verso.data-dir=" + temp.resolve("cli-data"),
                        "--verso.admin-password=" + ChildApplication.ADMIN_PASSWORD))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        assertThat(cli.waitFor()).as(Files.readString(output)).isZero();
        String printed = Files.readString(output);
        assertThat(printed)
                .contains("100%")
                .contains("completed: 3 files")
                .contains("2 ingested")
                .contains("1 failed");
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(report)) { // JSON Lines, in the order the files finished
            entries.add(JsonMapper.builder().build().readTree(line));
        }
        assertThat(entries).hasSize(3);
        JsonNode empty = entries.stream()
                .filter(e -> e.path("path").asString().endsWith("empty.pdf"))
                .findFirst()
                .orElseThrow();
        assertThat(empty.path("outcome").asString()).isEqualTo("failed");
        assertThat(empty.path("reason").asString()).contains("empty");
        JsonNode one = entries.stream()
                .filter(e -> e.path("path").asString().endsWith("one.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(one.path("documentId").asString()).hasSize(36);
        assertThat(one.has("milliseconds")).isTrue();

        Process bad = new ProcessBuilder(ChildApplication.java(
                        "256m", output, "ingest", temp.resolve("nowhere").toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(bad.waitFor()).isEqualTo(2);
    }

    /**
     * The document ids an empty query (which matches everything) finds, page by page, once the index has caught up
     * with the catalogue (it indexes after each commit, and checks itself against the catalogue at start-up).
     */
    private static List<String> searchableDocuments(Http admin) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        int total = -1;
        while (System.nanoTime() < deadline) {
            var first = admin.get("/api/search?q=&size=100&page=1");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            total = first.json().path("total").asInt();
            if (total == FILES) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(total).as("documents the index finds").isEqualTo(FILES);
        // after the restart the start-up check may still be re-indexing documents (same total, new places among equal
        // scores), so a walk through the pages can meet a document twice while the index moves: walk again until a
        // whole walk sees each document once, within the deadline (what stays wrong fails the caller's assertion)
        List<String> found = walkPages(admin, total);
        while (new HashSet<>(found).size() != found.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = walkPages(admin, total);
        }
        return found;
    }

    private static List<String> walkPages(Http admin, int total) {
        List<String> found = new ArrayList<>();
        for (int page = 1; (page - 1) * 100 < total; page++) {
            admin.get("/api/search?q=&size=100&page=" + page)
                    .json()
                    .path("hits")
                    .forEach(hit -> found.add(hit.path("documentId").asString()));
        }
        return found;
    }

    private static int awaitDone(Http admin, String id, int atLeast) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            var job = admin.get("/api/ingest/jobs/" + id);
            int done = job.json().path("done").asInt();
            if (done >= atLeast) {
                return done;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not get going");
    }

    private static JsonNode awaitFinished(Http admin, String id) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            var job = admin.get("/api/ingest/jobs/" + id);
            assertThat(job.status()).as(job.body()).isEqualTo(200);
            String status = job.json().path("status").asString();
            if (status.equals("completed") || status.equals("failed")) {
                return job.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the job did not finish: " + admin.get("/api/ingest/jobs/" + id).body());
    }

    private static int copyTree(Path from, Path to) throws IOException {
        int n = 0;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                n++;
            }
        }
        return n;
    }

    private static Path corpus() {
        return IngestApiTest.corpus(".");
    }
}
