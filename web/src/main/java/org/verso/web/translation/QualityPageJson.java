package org.verso.web.translation;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page-side JSON of the quality issues, forwarded to {@link QualityApiController} as the editor's other JSON. */
@Controller
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class QualityPageJson {

    @GetMapping("/translations/{id}/issues.json")
    void open(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher("/api/translations/" + safe(id) + "/issues")
                .forward(request, response);
    }

    @PostMapping("/translations/{id}/segments/{segment}/issues/{check}/accept.json")
    void accept(
            @PathVariable String id,
            @PathVariable String segment,
            @PathVariable String check,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        String path = "/api/translations/" + safe(id) + "/segments/" + safe(segment) + "/issues/"
                + (check.matches("[a-z-]{1,40}") ? check : "-invalid-") + "/accept";
        request.getRequestDispatcher(path).forward(request, response);
    }

    private static String safe(String id) {
        return id.matches("[A-Za-z0-9-]{1,64}") ? id : "-invalid-";
    }
}
