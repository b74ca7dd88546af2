package org.verso.web.translation;

import java.time.Instant;
import java.util.List;
import org.verso.translation.FileSegmentation;
import org.verso.translation.Segment;
import org.verso.web.api.ApiPages;

/**
 * A page of a document's segments as the API shows it.
 *
 * @param documentId the document
 * @param page the page number, from 0 for the page, from 1 in the API ({@link #forApi()})
 * @param size the page size
 * @param total how many segments the document has
 * @param roundTrip whether every segmented file can take its translation back in its own format; when false at least
 *     one translation will come out as a new DOCX, not in the original layout
 * @param files the segmentation of each ingested file
 * @param segments the segments of this page
 */
record SegmentsView(
        String documentId,
        int page,
        int size,
        long total,
        boolean roundTrip,
        List<FileView> files,
        List<SegmentView> segments) {

    /** As the API shows it: pages counted from 1, states and statuses in lower case like every API value. */
    SegmentsView forApi() {
        return new SegmentsView(
                documentId,
                page + 1,
                size,
                total,
                roundTrip,
                files.stream()
                        .map(f -> new FileView(
                                f.sha256(),
                                f.fileName(),
                                f.mediaType(),
                                ApiPages.apiName(f.state()),
                                f.roundTrip(),
                                f.format(),
                                f.segmentCount(),
                                f.reasonCode(),
                                f.reason(),
                                f.updatedAt()))
                        .toList(),
                segments.stream()
                        .map(g -> new SegmentView(
                                g.id(),
                                g.file(),
                                g.index(),
                                g.unit(),
                                g.source(),
                                g.text(),
                                ApiPages.apiName(g.status())))
                        .toList());
    }

    /** The segmentation of one file: pending, segmented or failed with the reason. */
    record FileView(
            String sha256,
            String fileName,
            String mediaType,
            String state,
            boolean roundTrip,
            String format,
            int segmentCount,
            String reasonCode,
            String reason,
            Instant updatedAt) {
        static FileView of(FileSegmentation file) {
            return new FileView(
                    file.file().hex(),
                    org.verso.library.NewFile.visible(file.fileName()),
                    file.mediaType(),
                    file.state().name(),
                    file.roundTrip(),
                    file.format(),
                    file.segmentCount(),
                    file.reasonCode(),
                    file.reason(),
                    file.updatedAt());
        }
    }

    /** One segment: its source in inline markup (codes as g/x/bx/ex elements) and as plain text. */
    record SegmentView(String id, String file, int index, String unit, String source, String text, String status) {
        static SegmentView of(Segment segment) {
            return new SegmentView(
                    segment.id().toString(),
                    segment.file().hex(),
                    segment.index(),
                    segment.unit(),
                    segment.source(),
                    segment.text(),
                    segment.status().name());
        }
    }
}
