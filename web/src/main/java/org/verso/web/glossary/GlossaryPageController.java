package org.verso.web.glossary;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.verso.accounts.Role;
import org.verso.web.shell.NavItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * The glossary page for coordinators (list and filter, add, edit, delete, import with its report, export) and the
 * page-side JSON its script and the segment editor use, forwarded to {@link GlossaryApiController}, so that a page is
 * refused exactly what the API refuses.
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class GlossaryPageController {
    private static final String READERS = "hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SCRIPT_KEYS = List.of(
            "glossary.js.edit",
            "glossary.js.delete",
            "glossary.js.confirmDelete",
            "glossary.js.saved",
            "glossary.js.deleted",
            "glossary.js.none",
            "glossary.js.total",
            "glossary.js.added",
            "glossary.js.updated",
            "glossary.js.skipped",
            "glossary.js.reportSummary",
            "glossary.js.error",
            "glossary.js.page");

    private final MessageSource messages;

    GlossaryPageController(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    static NavItem glossaryNav() {
        return new NavItem("nav.glossary", "/glossary", 170, Set.of(Role.COORDINATOR, Role.ADMIN));
    }

    @GetMapping("/glossary")
    String page(Locale locale, Model model) {
        Map<String, String> text = new LinkedHashMap<>();
        SCRIPT_KEYS.forEach(k -> text.put(k, messages.getMessage(k, null, k, locale)));
        // written raw into a <script type="application/json"> block: no "<" may close it
        model.addAttribute(
                "script", JSON.writeValueAsString(Map.of("text", text)).replace("<", "\\u003c"));
        return "glossary/index";
    }

    @GetMapping("/glossary/terms.json")
    void list(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/glossary/terms", request, response);
    }

    @PostMapping("/glossary/terms.json")
    void add(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/glossary/terms", request, response);
    }

    @PatchMapping("/glossary/terms/{id}.json")
    void change(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward("/api/glossary/terms/" + safe(id), request, response);
    }

    @DeleteMapping("/glossary/terms/{id}.json")
    void delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward("/api/glossary/terms/" + safe(id), request, response);
    }

    @PostMapping("/glossary/import.json")
    void importFile(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/glossary/import", request, response);
    }

    @GetMapping("/glossary/export")
    void export(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/glossary/export", request, response);
    }

    /** The terms found in the segments' sources: the editor's highlighting, for everyone who translates. */
    @PostMapping("/glossary/found.json")
    @PreAuthorize(READERS)
    void found(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/glossary/found", request, response);
    }

    private static String safe(String id) {
        return id.matches("[A-Za-z0-9-]{1,64}") ? id : "-invalid-";
    }

    private static void forward(String path, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher(path).forward(request, response);
    }
}
