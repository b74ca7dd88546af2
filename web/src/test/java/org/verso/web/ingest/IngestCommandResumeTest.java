package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line ingest killed with SIGKILL in the middle of a folder: the report it leaves is valid JSON Lines
 * listing what it did, and a second run on the same folder resumes the same job (a Spring Batch restart), reads only
 * the files still pending and completes the same report.
 */
class IngestCommandResumeTest {
    private static final int FILES = 300;
    private static final Pattern JOB = Pattern.compile("job ([0-9a-f-]{36})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    void aKilledRunLeavesAReadableReportAndTheNextRunResumesTheSameJobWithOnlyWhatWasLeft() throws Exception {
        Path folder = temp.resolve("to-import");
        Files.createDirectories(folder);
        for (int i = 0; i < FILES; i++) {
            Files.writeString(
                    folder.resolve(String.format("doc-%03d.txt", i)),
                    "Document " + i + ". Everyone has the right to education, " + UUID.randomUUID() + ".",
                    StandardCharsets.UTF_8);
        }
        Path report = temp.resolve("report.jsonl");
        Path firstLog = temp.resolve("first.log");

        Process first = cli(folder, report, firstLog);
        int reportedAtKill = awaitReportLines(first, report, 10, firstLog);
        first.descendants().forEach(ProcessHandle::destroyForcibly); // kill -9 of the whole process tree
        first.destroyForcibly();
        first.waitFor();

        List<JsonNode> left = entries(report);
        assertThat(left).as("every line the killed run left is a JSON object").hasSizeGreaterThanOrEqualTo(10);
        assertThat(left.size()).as("killed in the middle").isLessThan(FILES);
        assertThat(left).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("ingested");
            assertThat(entry.path("documentId").asString()).hasSize(36);
            assertThat(entry.path("path").asString()).startsWith(folder.toString());
        });
        String job = jobOf(Files.readString(firstLog));
        assertThat(left)
                .allSatisfy(entry -> assertThat(entry.path("job").asString()).isEqualTo(job));

        Path secondLog = temp.resolve("second.log");
        Process second = cli(folder, report, secondLog);
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(secondLog);
        assertThat(second.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Resuming the interrupted job " + job).contains("completed: " + FILES + " files");

        List<JsonNode> all = entries(report);
        assertThat(all).as(printed).hasSize(FILES);
        assertThat(all.subList(0, left.size()))
                .as("the killed run's lines stay")
                .isEqualTo(left);
        assertThat(all.stream().map(e -> e.path("path").asString()).distinct())
                .as("each file once")
                .hasSize(FILES);
        assertThat(all)
                .as("no file read twice: a new job would find the files done before and call them duplicates")
                .allSatisfy(entry -> {
                    assertThat(entry.path("job").asString()).isEqualTo(job);
                    assertThat(entry.path("outcome").asString()).isEqualTo("ingested");
                });
        assertThat(printed).contains(FILES + " ingested, 0 duplicates, 0 failed");
        assertThat(reportedAtKill).isPositive();
    }

    private Process cli(Path folder, Path report, Path log) throws IOException {
        return new ProcessBuilder(ChildApplication.java(
                        "512m",
                        log,
                        "ingest",
                        folder.toString(),
                        "--report",
                        report.toString(),
                        "--verso.data-dir=" + temp.resolve("data"),
                        "--verso.admin-password=" + ChildApplication.ADMIN_PASSWORD,
                        // one file per transaction and one worker: the job is slow enough to be killed midway
                        "--verso.ingest.chunk-size=1",
                        "--verso.ingest.workers=1"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int awaitReportLines(Process cli, Path report, int atLeast, Path log) throws Exception {
        for (int i = 0; i < 2400; i++) {
            if (!cli.isAlive()) {
                throw new AssertionError("the command line ended before it was killed:\n" + Files.readString(log));
            }
            if (Files.exists(report)) {
                long lines =
                        Files.readString(report).chars().filter(c -> c == '\n').count();
                if (lines >= atLeast) {
                    return (int) lines;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the report did not grow:\n" + Files.readString(log));
    }

    /** The report's lines, each parsed on its own (JSON Lines). */
    private static List<JsonNode> entries(Path report) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            entries.add(node);
        }
        return entries;
    }

    private static String jobOf(String printed) {
        Matcher m = JOB.matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        return m.group(1);
    }
}
