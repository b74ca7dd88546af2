package org.verso.web.translation;

import java.util.List;
import org.springframework.stereotype.Component;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.NotFoundException;
import org.verso.translation.FileSegmentation;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;

/** Reads a page of a document's segments for the API and the page, after checking the document exists. */
@Component
class DocumentSegments {
    private final Documents documents;
    private final Segments segments;

    DocumentSegments(Documents documents, Segments segments) {
        this.documents = documents;
        this.segments = segments;
    }

    /** @throws NotFoundException ({@code document-not-found}) for an unknown document */
    SegmentsView page(String id, int page, int size) {
        DocumentId document = DocumentId.parse(id);
        if (documents.find(document).isEmpty()) {
            throw new NotFoundException("document-not-found", "No document has the id " + id + ".");
        }
        List<FileSegmentation> files = segments.files(document);
        var rows = segments.of(document, page, size);
        boolean roundTrip = files.stream()
                .filter(f -> f.state() == SegmentationState.SEGMENTED)
                .allMatch(FileSegmentation::roundTrip);
        return new SegmentsView(
                document.toString(),
                page,
                size,
                segments.count(document),
                roundTrip,
                files.stream().map(SegmentsView.FileView::of).toList(),
                rows.stream().map(SegmentsView.SegmentView::of).toList());
    }
}
