package org.verso.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.Documents;

/** The catalogue ({@link Documents}) as search reads it: metadata, files and extracted text of each document. */
class CatalogueSource implements SearchSource {
    private final Documents documents;

    CatalogueSource(Documents documents) {
        this.documents = documents;
    }

    @Override
    public long count() {
        return documents.count();
    }

    @Override
    public Stream<DocumentId> documentIds() {
        return documents.ids().stream();
    }

    @Override
    public Optional<SearchableDocument> document(DocumentId id) {
        return documents
                .find(id)
                .map(document -> searchable(document, documents.text(id).orElse("")));
    }

    @Override
    public void forEach(Consumer<SearchableDocument> action) {
        documents.forEach(document ->
                action.accept(searchable(document, documents.text(document.id()).orElse(""))));
    }

    /** The source language as catalogued, else the language detected in its first file that has one. */
    static SearchableDocument searchable(Document document, String text) {
        String language = document.languages().stream().findFirst().orElse(null);
        return new SearchableDocument(
                document.id(),
                document.title(),
                document.kind().name().toLowerCase(java.util.Locale.ROOT),
                document.issuingBody(),
                language,
                document.year(),
                List.copyOf(document.tags()),
                document.files().stream()
                        .map(file -> new SearchableFile(file.originalName(), file.sha256()))
                        .toList(),
                text);
    }
}
