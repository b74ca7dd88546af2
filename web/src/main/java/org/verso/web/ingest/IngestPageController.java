package org.verso.web.ingest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.verso.accounts.Role;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.IngestPaths;
import org.verso.ingest.JobProgress;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;
import org.verso.web.shell.NavItem;
import org.verso.web.shell.PageErrors;

/** The ingest pages: upload by drag and drop, import a folder, follow a job live, retry a failed file. */
@Controller
@RequestMapping("/ingest")
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class IngestPageController {
    private final IngestJobs jobs;
    private final IngestPaths paths;
    private final PageErrors errors;

    IngestPageController(IngestJobs jobs, IngestPaths paths, PageErrors errors) {
        this.jobs = jobs;
        this.paths = paths;
        this.errors = errors;
    }

    @Bean
    static NavItem ingestNav() {
        return new NavItem("nav.ingest", "/ingest", 200, Set.of(Role.COORDINATOR, Role.ADMIN));
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("jobs", jobs.recent(20));
        model.addAttribute("roots", paths.allowedRoots());
        return "ingest/index";
    }

    @PostMapping("/uploads")
    String upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "documentId", required = false) String documentId,
            Authentication who,
            RedirectAttributes redirect) {
        return start(
                redirect,
                () -> jobs.upload(
                        IngestApiController.uploads(files), IngestApiController.documentId(documentId), who.getName()));
    }

    @PostMapping("/jobs")
    String importFolder(@RequestParam(defaultValue = "") String path, Authentication who, RedirectAttributes redirect) {
        return start(redirect, () -> {
            try {
                if (path.isBlank()) {
                    throw new InvalidInputException("not-a-folder", "Give the folder to import.");
                }
                return jobs.importFolder(Path.of(path.strip()), null, who.getName());
            } catch (InvalidPathException e) {
                throw new InvalidInputException("not-a-folder", "Not a valid path: " + path);
            }
        });
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.progress(IngestApiController.uuid(id, "ingest-job-not-found")));
        return "ingest/job";
    }

    /** The live part of the job page, polled by htmx until the job is finished. */
    @GetMapping("/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.progress(IngestApiController.uuid(id, "ingest-job-not-found")));
        return "ingest/job :: progress";
    }

    @PostMapping("/items/{id}/retry")
    String retry(@PathVariable String id, Authentication who, RedirectAttributes redirect) {
        return start(redirect, () -> jobs.retry(IngestApiController.uuid(id, "ingest-item-not-found"), who.getName()));
    }

    private String start(RedirectAttributes redirect, java.util.function.Supplier<JobProgress> action) {
        try {
            JobProgress job = action.get();
            return "redirect:/ingest/jobs/" + job.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
            return "redirect:/ingest";
        }
    }
}
