package org.verso.ingest.internal.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.verso.ingest.Extraction;
import org.verso.ingest.ItemOutcome;
import org.verso.library.Catalogued;
import org.verso.library.ConflictException;
import org.verso.library.DocumentId;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.NotFoundException;

/**
 * Catalogues a chunk in its transaction: a new document per file (or the file attached to the batch's document), a
 * duplicate when the bytes are already catalogued (checked again here, so two copies in one chunk make one entry, and
 * when another import on the same database wins the race for the same bytes), a recorded failure otherwise. Each file
 * is one call to {@link Documents#catalogue}, which publishes {@code DocumentIngested} inside the transaction;
 * listeners declared with {@code @TransactionalEventListener} receive it once the chunk is committed.
 */
final class CatalogueWriter implements ItemWriter<Processed> {
    private final IngestRows rows;
    private final Documents documents;

    private final RunningFiles running;

    CatalogueWriter(IngestRows rows, Documents documents, RunningFiles running) {
        this.rows = rows;
        this.documents = documents;
        this.running = running;
    }

    @Override
    public void write(Chunk<? extends Processed> chunk) {
        forgetOnceCommitted(chunk);
        Map<UUID, Optional<DocumentId>> attachTo = new HashMap<>();
        for (Processed p : chunk) {
            IngestRows.Pending item = p.item();
            Extraction e = p.extraction();
            if (e != null && !e.succeeded()) {
                rows.finish(
                        item.id(),
                        ItemOutcome.FAILED,
                        e.failure().code(),
                        e.reason(),
                        p.sha256(),
                        p.size(),
                        e.mediaType().equals(Extraction.UNKNOWN_TYPE) ? null : e.mediaType(),
                        null,
                        p.millis());
                continue;
            }
            if (e != null && e.isArchive()) {
                rows.finish(
                        item.id(),
                        ItemOutcome.UNPACKED,
                        null,
                        "Unpacked: " + p.members() + (p.members() == 1 ? " file follows" : " files follow")
                                + " in this job.",
                        p.sha256(),
                        p.size(),
                        e.mediaType(),
                        null,
                        p.millis());
                continue;
            }
            if (e == null) { // the processor found the bytes catalogued already
                duplicateOrFailed(
                        p, "document-not-found", "The document this file belonged to is gone; retry the file.", null);
                continue;
            }
            // the catalogue refuses bytes it has (checked in the same transaction): that makes a duplicate below
            catalogue(p, attachTo.computeIfAbsent(item.batchId(), id -> rows.batch(id)
                    .map(IngestRows.Batch::documentId)));
        }
    }

    /** Once the chunk is committed the database counts its items; the progress display stops counting them itself. */
    private void forgetOnceCommitted(Chunk<? extends Processed> chunk) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction to wait for: the items stay counted as read until the batch ends
        }
        Map<UUID, List<UUID>> items = new HashMap<>();
        for (Processed p : chunk) {
            items.computeIfAbsent(p.item().batchId(), id -> new ArrayList<>())
                    .add(p.item().id());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                items.forEach(running::written);
            }
        });
    }

    /** A duplicate of the document that holds the bytes now; failed for the reason given when none does. */
    private void duplicateOrFailed(Processed p, String code, String reason, String mediaType) {
        Optional<Catalogued.DuplicateOf> holder = documents.holderOf(p.sha256());
        if (holder.isPresent()) {
            duplicate(p, holder.get());
        } else {
            rows.finish(
                    p.item().id(), ItemOutcome.FAILED, code, reason, p.sha256(), p.size(), mediaType, null, p.millis());
        }
    }

    private void catalogue(Processed p, Optional<DocumentId> attachTo) {
        Extraction e = p.extraction();
        String fileName = NewFile.fileName(p.item().name());
        NewFile file = new NewFile(
                p.sha256(),
                fileName,
                e.mediaType(),
                p.size(),
                e.language(),
                e.languageConfidence(),
                e.pageCount(),
                e.charset(),
                e.author(),
                e.text(),
                e.textFromOcr());
        Catalogued done;
        try {
            // one call: created, attached or a duplicate; a refusal undoes this file's rows only
            done = documents.catalogue(
                    file,
                    new NewDocument(
                            title(e, fileName), DocumentKind.OTHER, e.issuingBody(), e.language(), e.year(), null),
                    attachTo.orElse(null));
        } catch (ConflictException refused) {
            rows.finish(
                    p.item().id(),
                    ItemOutcome.FAILED,
                    refused.code(),
                    refused.getMessage(),
                    p.sha256(),
                    p.size(),
                    e.mediaType(),
                    null,
                    p.millis());
            return;
        } catch (NotFoundException gone) {
            rows.finish(
                    p.item().id(),
                    ItemOutcome.FAILED,
                    "document-not-found",
                    "The document to add this file to does not exist.",
                    p.sha256(),
                    p.size(),
                    e.mediaType(),
                    null,
                    p.millis());
            return;
        }
        if (done instanceof Catalogued.DuplicateOf duplicate) {
            duplicate(p, duplicate);
        } else if (done instanceof Catalogued.Created created) {
            ingested(p, created.document().id());
        } else if (done instanceof Catalogued.Attached attached) {
            ingested(p, attached.document().id());
        }
    }

    private void ingested(Processed p, DocumentId document) {
        Extraction e = p.extraction();
        ReadingNote note = ReadingNote.of(e);
        rows.finish(
                p.item().id(),
                ItemOutcome.INGESTED,
                note == null ? null : note.code(),
                note == null ? e.detail() : note.describe(e.detail()),
                p.sha256(),
                p.size(),
                e.mediaType(),
                document,
                p.millis());
    }

    private void duplicate(Processed p, Catalogued.DuplicateOf holder) {
        rows.finish(
                p.item().id(),
                ItemOutcome.DUPLICATE,
                null,
                "Duplicate of “" + holder.title() + "” (" + holder.owner() + ").",
                p.sha256(),
                p.size(),
                p.extraction() == null ? null : p.extraction().mediaType(),
                holder.owner(),
                p.millis());
    }

    /** The title from the file's metadata, else its name without the extension. */
    static String title(Extraction e, String fileName) {
        if (e.title() != null
                && !e.title().isBlank()
                && !e.title().strip().toLowerCase(Locale.ROOT).equals("untitled")) {
            return e.title();
        }
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        base = base.replace('_', ' ').strip();
        return base.isEmpty() ? fileName : base;
    }
}
