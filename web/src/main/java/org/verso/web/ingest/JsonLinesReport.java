package org.verso.web.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.verso.ingest.IngestItem;
import org.verso.ingest.ItemOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line's report as JSON Lines: one JSON object per finished file ({@code job}, {@code path},
 * {@code outcome}, {@code reason}, {@code documentId}, {@code milliseconds}), appended and flushed as files finish,
 * so that a killed run leaves a report of what it did (at worst its last line cut short, which a resumed run
 * removes). A resumed job appends to its own report and never repeats a file; a report of another job is replaced.
 * Not thread-safe for concurrent writers beyond its own synchronisation of {@link #add}.
 */
final class JsonLinesReport implements Closeable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final UUID job;
    private final BufferedWriter out;
    private final Set<String> written = new HashSet<>();

    private JsonLinesReport(Path folder, UUID job, BufferedWriter out, Set<String> alreadyWritten) {
        this.folder = folder;
        this.job = job;
        this.out = out;
        this.written.addAll(alreadyWritten);
    }

    /**
     * Opens the report of a job: keeps the complete lines of that same job already in the file (a resumed run),
     * otherwise starts the file afresh.
     */
    static JsonLinesReport open(Path report, Path folder, UUID job) throws IOException {
        if (report.toAbsolutePath().getParent() != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
        }
        Set<String> known = new HashSet<>();
        long keep = 0;
        if (Files.isRegularFile(report)) {
            byte[] bytes = Files.readAllBytes(report);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                String path = pathOfJob(line, job);
                if (path == null) {
                    keep = -1; // another job's report, or not a report: replace it
                    break;
                }
                known.add(path);
                keep = start;
            }
        }
        if (keep < 0) {
            known.clear();
            keep = 0;
        }
        try (FileChannel channel = FileChannel.open(report, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(keep); // drops a last line cut short by a kill
        }
        BufferedWriter writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new JsonLinesReport(folder, job, writer, known);
    }

    /** Appends the finished items not written yet, each as one flushed line. */
    synchronized void add(List<IngestItem> items) throws IOException {
        for (IngestItem item : items) {
            if (item.outcome() == ItemOutcome.PENDING) {
                continue;
            }
            String path = folder.resolve(item.name()).toString();
            if (written.add(path)) {
                out.write(JSON.writeValueAsString(entry(path, item)));
                out.write('\n');
                out.flush();
            }
        }
    }

    private Map<String, Object> entry(String path, IngestItem item) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("job", job.toString());
        entry.put("path", path);
        entry.put("outcome", item.outcome().apiName());
        entry.put("reason", item.reason());
        entry.put(
                "documentId",
                item.documentId() == null ? null : item.documentId().toString());
        entry.put("milliseconds", item.millis());
        return entry;
    }

    /** The path of a report line of the given job, or {@code null} when the line is of another job or not JSON. */
    private static String pathOfJob(String line, UUID job) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && job.toString().equals(node.path("job").asString(null))) {
                return node.path("path").asString(null);
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
