package org.verso.web.translation;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.web.api.ApiPages;

/** The segments of a document, ready for translation. Translators, coordinators and administrators. */
@RestController
@RequestMapping("/api/documents/{id}/segments")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class SegmentsApiController {
    private final DocumentSegments segments;

    SegmentsApiController(DocumentSegments segments) {
        this.segments = segments;
    }

    @GetMapping
    @Operation(
            summary = "A page of a document's segments, with the segmentation state of each of its files",
            description = "Segments are in document order, file by file. source is inline markup: text escaped as in"
                    + " XML, formatting kept as codes (<g id=\"1\">…</g>, <x id=\"2\"/>, <bx/>, <ex/>). A file with"
                    + " roundTrip=false gets its translation as a new DOCX, not in the original layout. 404 for an"
                    + " unknown document; 400 for page < 1 or size outside 1…500. Pages count from 1, as everywhere"
                    + " in the API.")
    SegmentsView list(
            @PathVariable String id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        return segments.page(id, ApiPages.zeroBased(page), size).forApi();
    }
}
