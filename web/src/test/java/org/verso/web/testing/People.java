package org.verso.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.JobProgress;
import org.verso.ingest.Upload;

/** Accounts and documents for browser tests, made the way people make them (the admin API, an upload). */
public final class People {
    public static final String PASSWORD = "first-day-password-1";

    private People() {}

    /** An account with one role and the given interface language (made once; later calls reuse it). */
    public static String account(Http admin, String username, String role, String uiLanguage) {
        var response = admin.postJson(
                "/api/admin/users",
                Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "uiLanguage", uiLanguage));
        assertThat(response.status()).as(response.body()).isIn(201, 409);
        return username;
    }

    /** Uploads text files of their own (new bytes, never a duplicate of another test's) and waits for the job. */
    public static JobProgress ingest(IngestJobs jobs, Map<String, String> files) throws InterruptedException {
        List<Upload> uploads = files.entrySet().stream()
                .map(f -> new Upload(
                        f.getKey(),
                        new ByteArrayInputStream(
                                (f.getValue() + "\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))))
                .toList();
        return finished(jobs, jobs.upload(uploads, null, "first-day-test").id());
    }

    public static JobProgress finished(IngestJobs jobs, UUID id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JobProgress p = jobs.progress(id);
            if (p.finished()) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest job " + id + " did not finish within 120 s");
    }
}
