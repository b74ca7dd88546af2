package org.verso.search;

import java.util.Objects;
import org.verso.library.Sha256;

/**
 * One stored file of a document, as search shows it in a hit.
 *
 * @param name the original file name, for display only
 * @param sha256 the file's identity in the file store
 */
public record SearchableFile(String name, Sha256 sha256) {
    public SearchableFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
