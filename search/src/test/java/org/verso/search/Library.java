package org.verso.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/** A catalogue held in a list, standing in for the database in tests of the search core. */
final class Library implements SearchSource, TranslationSource {
    final Map<DocumentId, SearchableDocument> documents = new LinkedHashMap<>();
    final Map<DocumentId, List<SearchableTranslation>> translations = new LinkedHashMap<>();

    SearchableDocument add(String title, String language, String kind, String body, Integer year, String text) {
        SearchableDocument document = document(title, language, kind, body, year, text);
        documents.put(document.documentId(), document);
        return document;
    }

    static SearchableDocument document(
            String title, String language, String kind, String body, Integer year, String text) {
        DocumentId id = DocumentId.random();
        String name = title.replaceAll("\\W+", "-").toLowerCase() + ".txt";
        Sha256 sha = Sha256.parse("%064x"
                .formatted(new java.math.BigInteger(1, id.toString().getBytes()))
                .substring(0, 64));
        return new SearchableDocument(
                id, title, kind, body, language, year, List.of("test"), List.of(new SearchableFile(name, sha)), text);
    }

    void translate(SearchableTranslation translation) {
        translations
                .computeIfAbsent(translation.documentId(), id -> new ArrayList<>())
                .add(translation);
    }

    @Override
    public long count() {
        return documents.size();
    }

    @Override
    public Stream<DocumentId> documentIds() {
        return List.copyOf(documents.keySet()).stream();
    }

    @Override
    public Optional<SearchableDocument> document(DocumentId id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public void forEach(java.util.function.Consumer<SearchableDocument> action) {
        List.copyOf(documents.values()).forEach(action);
    }

    Stream<SearchableDocument> documents() {
        return List.copyOf(documents.values()).stream();
    }

    @Override
    public List<SearchableTranslation> translationsOf(DocumentId id) {
        return translations.getOrDefault(id, List.of());
    }
}
