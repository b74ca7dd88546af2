package org.verso.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.library.Sha256;
import org.verso.translation.Revision;
import org.verso.translation.RevisionId;
import org.verso.translation.Revisions;
import org.verso.translation.TranslationId;

/** Revisions of approved translations, held in memory: the contract's stand-in until translation's bean lands. */
class InMemoryRevisions implements Revisions {
    private final Map<RevisionId, Revision> revisions = new ConcurrentHashMap<>();

    /** Approves a translation of a new document into {@code language}: answers its first revision. */
    Revision approve(String language) {
        var revision = new Revision(
                RevisionId.random(),
                TranslationId.random(),
                DocumentId.random(),
                LanguageTag.of(language),
                1,
                Instant.now(),
                AccountId.random(),
                Sha256.parse("0".repeat(64)));
        revisions.put(revision.id(), revision);
        return revision;
    }

    @Override
    public Optional<Revision> find(RevisionId id) {
        return Optional.ofNullable(revisions.get(id));
    }

    @Override
    public List<Revision> ofDocument(DocumentId document) {
        return revisions.values().stream()
                .filter(r -> r.document().equals(document))
                .toList();
    }
}
