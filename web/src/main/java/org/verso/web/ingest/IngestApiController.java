package org.verso.web.ingest;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.JobProgress;
import org.verso.ingest.Upload;
import org.verso.library.DocumentId;
import org.verso.library.InvalidInputException;
import org.verso.library.NotFoundException;

/** Ingest over the API: upload files, import a folder, follow a job, retry a failed file. Coordinators and admins. */
@RestController
@RequestMapping("/api/ingest")
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class IngestApiController {
    private final IngestJobs jobs;

    IngestApiController(IngestJobs jobs) {
        this.jobs = jobs;
    }

    /** A folder to import, optionally every file into one existing document. */
    record FolderImport(String path, String documentId) {}

    @PostMapping("/uploads")
    @Operation(summary = "Upload files (part name 'files', many allowed); answers 202 with the job that ingests them")
    ResponseEntity<JobView> upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "documentId", required = false) String documentId,
            Authentication who) {
        JobProgress job = jobs.upload(uploads(files), documentId(documentId), who.getName());
        return accepted(job);
    }

    @PostMapping(path = "/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import every file under a folder; only folders under the allowed roots (else 403)")
    ResponseEntity<JobView> importFolder(@RequestBody FolderImport body, Authentication who) {
        if (body == null || body.path() == null || body.path().isBlank()) {
            throw new InvalidInputException("invalid-input", "path: the folder to import is required");
        }
        Path folder;
        try {
            folder = Path.of(body.path());
        } catch (InvalidPathException e) {
            throw new InvalidInputException("invalid-input", "path: not a valid path");
        }
        return accepted(jobs.importFolder(folder, documentId(body.documentId()), who.getName()));
    }

    @GetMapping("/jobs")
    @Operation(summary = "The 50 most recent jobs, without their items")
    List<JobView> recent() {
        return jobs.recent(50).stream().map(JobView::of).toList();
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job's status, counts, rate, time left and, for each file, its outcome and reason")
    JobView job(@PathVariable String id) {
        return JobView.of(jobs.progress(uuid(id, "ingest-job-not-found")));
    }

    @PostMapping("/items/{id}/retry")
    @Operation(summary = "Try a failed file again, in a new job")
    ResponseEntity<JobView> retry(@PathVariable String id, Authentication who) {
        return accepted(jobs.retry(uuid(id, "ingest-item-not-found"), who.getName()));
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
                    continue; // an empty file input
                }
                try {
                    uploads.add(new Upload(file.getOriginalFilename(), file.getInputStream()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return uploads;
    }

    static DocumentId documentId(String text) {
        return text == null || text.isBlank() ? null : DocumentId.parse(text.strip());
    }

    static UUID uuid(String text, String notFoundCode) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(notFoundCode, "Nothing has the id " + text + ".");
        }
    }

    private static ResponseEntity<JobView> accepted(JobProgress job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/ingest/jobs/" + job.id()))
                .body(JobView.of(job));
    }
}
