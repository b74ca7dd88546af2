package org.verso.web.memory;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.verso.accounts.Role;
import org.verso.library.DomainException;
import org.verso.library.LanguageTag;
import org.verso.memory.TmxFiles;
import org.verso.memory.TranslationMemory;
import org.verso.web.shell.NavItem;
import org.verso.web.shell.PageErrors;

/** The translation-memory page of coordinators: its size, TMX import with the report, TMX export. */
@Controller
@RequestMapping("/memory")
@PreAuthorize(MemoryApiController.MANAGERS)
class MemoryPageController {
    private final TranslationMemory memory;
    private final TmxFiles tmx;
    private final PageErrors errors;

    MemoryPageController(TranslationMemory memory, TmxFiles tmx, PageErrors errors) {
        this.memory = memory;
        this.tmx = tmx;
        this.errors = errors;
    }

    @Bean
    static NavItem memoryNav() {
        return new NavItem("nav.memory", "/memory", 170, Set.of(Role.COORDINATOR, Role.ADMIN));
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("units", memory.size());
        model.addAttribute("minScore", memory.settings().minScore());
        return "memory/memory";
    }

    @PostMapping("/import")
    String importTmx(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        try {
            model.addAttribute("report", tmx.importFiles(MemoryParameters.uploads(files)));
        } catch (DomainException e) {
            model.addAttribute("error", errors.say(e));
        }
        return page(model);
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String sourceLanguage,
            @RequestParam(required = false) String targetLanguage,
            HttpServletResponse response)
            throws IOException {
        LanguageTag from = MemoryParameters.optionalLanguage(sourceLanguage);
        LanguageTag to = MemoryParameters.optionalLanguage(targetLanguage);
        response.setContentType("application/x-tmx+xml;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(MemoryApiController.fileName(from, to))
                        .build()
                        .toString());
        tmx.export(from, to, null, response.getOutputStream());
    }
}
