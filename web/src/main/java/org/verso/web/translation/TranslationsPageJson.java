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
import org.springframework.web.bind.annotation.PutMapping;

/**
 * The JSON the translation pages read and write, on the pages' own paths. The API ({@code /api/**}) is stateless and
 * signs in with HTTP Basic, so a signed-in page cannot call it with its session; these endpoints take the page's
 * session and CSRF token and forward, inside the server, to the same {@code /api/translations…} endpoint, which
 * answers with the contract's JSON and problem details and checks the roles again. Each keeps the roles of its API
 * endpoint, so a page is refused exactly what the API refuses.
 */
@Controller
class TranslationsPageJson {
    private static final String READERS = "hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')";
    private static final String COORDINATORS = "hasAnyRole('COORDINATOR','ADMIN')";

    @GetMapping("/translations/list.json")
    @PreAuthorize(READERS)
    void list(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/translations", request, response);
    }

    @PostMapping("/translations/open.json")
    @PreAuthorize(COORDINATORS)
    void open(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/translations", request, response);
    }

    @GetMapping("/translations/{id}/data.json")
    @PreAuthorize(READERS)
    void one(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, ""), request, response);
    }

    @PostMapping("/translations/{id}/{action:claim|release|submit}.json")
    @PreAuthorize(READERS)
    void act(
            @PathVariable String id,
            @PathVariable String action,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/" + action), request, response);
    }

    @PostMapping("/translations/{id}/{action:assign|approve|reopen}.json")
    @PreAuthorize(COORDINATORS)
    void coordinate(
            @PathVariable String id,
            @PathVariable String action,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/" + action), request, response);
    }

    @GetMapping("/translations/{id}/segments.json")
    @PreAuthorize(READERS)
    void segments(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/segments"), request, response);
    }

    @PutMapping("/translations/{id}/segments/{segment}.json")
    @PreAuthorize(READERS)
    void save(
            @PathVariable String id,
            @PathVariable String segment,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/segments/" + safe(segment)), request, response);
    }

    @GetMapping("/translations/{id}/segments/{segment}/history.json")
    @PreAuthorize(READERS)
    void history(
            @PathVariable String id,
            @PathVariable String segment,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/segments/" + safe(segment) + "/history"), request, response);
    }

    @PostMapping("/translations/{id}/segments/{segment}/review.json")
    @PreAuthorize(READERS)
    void review(
            @PathVariable String id,
            @PathVariable String segment,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/segments/" + safe(segment) + "/review"), request, response);
    }

    @GetMapping("/translations/{id}/revisions.json")
    @PreAuthorize(READERS)
    void revisions(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/revisions"), request, response);
    }

    @GetMapping("/translations/{id}/output")
    @PreAuthorize(READERS)
    void output(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward(api(id, "/output"), request, response);
    }

    @GetMapping("/coverage.json")
    @PreAuthorize(READERS)
    void coverage(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/coverage", request, response);
    }

    @GetMapping("/coverage.csv")
    @PreAuthorize(READERS)
    void coverageCsv(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        forward("/api/coverage?format=csv", request, response);
    }

    private static String api(String id, String rest) {
        return "/api/translations/" + safe(id) + rest;
    }

    /** An id goes into a path: only the characters ids have, so that nothing can climb out of the API's paths. */
    private static String safe(String id) {
        return id.matches("[A-Za-z0-9-]{1,64}") ? id : "-invalid-";
    }

    private static void forward(String path, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher(path).forward(request, response);
    }
}
