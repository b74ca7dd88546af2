package org.verso.library;

/**
 * What {@link Documents#catalogue} did with a file: made a new document of it, added it to an existing one, or found
 * its bytes catalogued already (then nothing was written).
 */
public sealed interface Catalogued {
    /** A new document whose first file this is. */
    record Created(Document document) implements Catalogued {}

    /** The file was added to the document it was meant for. */
    record Attached(Document document) implements Catalogued {}

    /** The same bytes already belong to {@code owner}, titled {@code title}. */
    record DuplicateOf(DocumentId owner, String title) implements Catalogued {}
}
