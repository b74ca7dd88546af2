package org.verso.web.translation;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.verso.translation.MarkupPiece;

/**
 * The segments section of the document page, as an htmx fragment: the page includes
 * {@code ~{translation/segments :: loader(${doc.id})}}, which loads this. Translators, coordinators and
 * administrators.
 */
@Controller
@RequestMapping("/documents/{id}/segments")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class SegmentsPageController {
    static final int PAGE_SIZE = 50;

    private final DocumentSegments segments;

    SegmentsPageController(DocumentSegments segments) {
        this.segments = segments;
    }

    /** A segment for the page: its source split into text and code pieces, so codes show as marks. */
    record Row(SegmentsView.SegmentView segment, List<MarkupPiece> pieces) {}

    @GetMapping
    String fragment(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        SegmentsView view = segments.page(id, page, PAGE_SIZE);
        model.addAttribute("view", view);
        model.addAttribute(
                "rows",
                view.segments().stream()
                        .map(s -> new Row(s, MarkupPiece.of(s.source())))
                        .toList());
        model.addAttribute(
                "pending", view.files().stream().anyMatch(f -> f.state().equals("PENDING")));
        model.addAttribute("lastPage", Math.max(0, (view.total() - 1) / PAGE_SIZE));
        return "translation/segments :: segments";
    }
}
