package org.verso.web.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.verso.ingest.FileVersions;
import org.verso.ingest.Upload;
import org.verso.library.DocumentId;
import org.verso.library.DomainException;
import org.verso.library.Sha256;
import org.verso.web.shell.PageErrors;

/** The document page's form for a new version of a file; the answer is the document page with what happened. */
@Controller
class FileVersionsPageController {
    private final FileVersions versions;
    private final FileVersionViews views;
    private final PageErrors errors;

    FileVersionsPageController(FileVersions versions, FileVersionViews views, PageErrors errors) {
        this.versions = versions;
        this.views = views;
        this.errors = errors;
    }

    @PostMapping("/documents/{id}/files/{sha256}/versions")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    String upload(
            @PathVariable String id,
            @PathVariable String sha256,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) {
        DocumentId document = FileVersionsApiController.documentId(id);
        Sha256 old = FileVersionsApiController.sha(sha256);
        try {
            if (file == null
                    || (file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank()))) {
                throw new org.verso.library.InvalidInputException("no-files", "Choose the new version's file.");
            }
            List<FileVersionViews.Before> before = views.before(document);
            versions.replace(document, old, new Upload(file.getOriginalFilename(), file.getInputStream()));
            redirect.addFlashAttribute("versionBefore", before);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/documents/" + document;
    }
}
