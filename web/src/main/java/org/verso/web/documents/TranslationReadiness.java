package org.verso.web.documents;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.verso.library.DocumentId;
import org.verso.translation.FileSegmentation;
import org.verso.translation.Segments;

/**
 * How each file of a document stands for translation, as the translation module recorded it when it segmented the
 * file: only it knows whether Okapi could read the file for a round trip (a DOCX it could not read falls back to the
 * extracted text and will come out as a new DOCX; a PPTX is never round-tripped).
 */
@Component
class TranslationReadiness {
    /** The state of one file. */
    enum State {
        /** Segmented from the file itself: a translation keeps its format and layout. */
        IN_PLACE,
        /** Segmented from the extracted text: a translation will come out as a new DOCX. */
        NEW_DOCX,
        /** Not segmented yet. */
        PENDING,
        /** Could not be segmented. */
        FAILED;

        /** Whether a translation keeps the original format: {@code null} while it is not known. */
        Boolean inPlace() {
            return switch (this) {
                case IN_PLACE -> true;
                case NEW_DOCX -> false;
                default -> null;
            };
        }
    }

    private final Segments segments;

    TranslationReadiness(Segments segments) {
        this.segments = segments;
    }

    /** The state of each file the translation module knows, by SHA-256 (hex); files it never saw are absent. */
    Map<String, State> of(DocumentId document) {
        return states(segments.files(document));
    }

    /** {@link #of(DocumentId)} for several documents at once (one query); documents with no known file are absent. */
    Map<DocumentId, Map<String, State>> of(Collection<DocumentId> documents) {
        Map<DocumentId, Map<String, State>> states = new HashMap<>();
        segments.files(documents).forEach((document, files) -> states.put(document, states(files)));
        return states;
    }

    private static Map<String, State> states(List<FileSegmentation> files) {
        Map<String, State> states = new HashMap<>();
        for (FileSegmentation file : files) {
            states.put(file.file().hex(), state(file));
        }
        return states;
    }

    private static State state(FileSegmentation file) {
        return switch (file.state()) {
            case SEGMENTED -> file.roundTrip() ? State.IN_PLACE : State.NEW_DOCX;
            case PENDING -> State.PENDING;
            case FAILED -> State.FAILED;
        };
    }
}
