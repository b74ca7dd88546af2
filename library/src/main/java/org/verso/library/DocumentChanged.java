package org.verso.library;

import java.util.Objects;

/** A document's catalogue entry (its metadata) was corrected. Published after the change is committed. */
public record DocumentChanged(DocumentId documentId) {
    public DocumentChanged {
        Objects.requireNonNull(documentId, "documentId");
    }
}
