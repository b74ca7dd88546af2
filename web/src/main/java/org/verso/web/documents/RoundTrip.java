package org.verso.web.documents;

import java.util.Set;

/**
 * Which stored formats a translation can be written back into (Okapi round-trips them); for the others the UI says
 * that a translation comes out as a new DOCX, not in the original layout.
 */
final class RoundTrip {
    private static final Set<String> IN_PLACE = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "text/html",
            "application/xhtml+xml",
            "application/x-xliff+xml",
            "application/xliff+xml",
            "text/x-po",
            "application/x-gettext",
            "text/plain",
            "application/x-tmx+xml");

    private RoundTrip() {}

    static boolean inPlace(String mediaType) {
        return mediaType != null && IN_PLACE.contains(mediaType);
    }
}
