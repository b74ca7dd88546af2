package org.verso.web.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.FileReplaced;
import org.verso.library.SupersededFile;
import org.verso.translation.Progress;
import org.verso.translation.SegmentStatus;
import org.verso.translation.SourceChange;
import org.verso.translation.SourceVersions;
import org.verso.translation.Translation;
import org.verso.translation.Translations;

/**
 * The JSON (and page) shapes of a document's file versions: the files replaced, and what each new version did to the
 * segments and to each translation (progress before and after). Also a bean the document page reads
 * ({@code @fileVersionViews}).
 */
@Component("fileVersionViews")
public class FileVersionViews {
    private final Documents documents;
    private final SourceVersions versions;
    private final Translations translations;

    FileVersionViews(Documents documents, SourceVersions versions, Translations translations) {
        this.documents = documents;
        this.versions = versions;
        this.translations = translations;
    }

    public record FileRef(String sha256, String fileName, String mediaType, long size) {}

    public record Superseded(FileRef file, String supersededBy, Instant supersededAt) {}

    public record Count(int done, int total) {}

    public record RemovedView(String segment, int index, String source, String target, String status, int version) {}

    public record CarriedView(
            String translation, String language, Count before, Count after, List<RemovedView> removed) {}

    public record ChangeView(
            String oldFile,
            String newFile,
            Instant at,
            int unchanged,
            int changed,
            int added,
            int removed,
            List<CarriedView> translations) {}

    public record Versions(String document, List<Superseded> superseded, List<ChangeView> changes) {}

    /** Each translation as it stood when a new version arrived, before its segmentation carries it over. */
    public record Before(String translation, String language, Count before) {}

    public record Uploaded(
            String document, String oldFile, FileRef newFile, String segmentation, List<Before> translations) {}

    public Versions of(DocumentId id) {
        List<Superseded> superseded = documents.supersededFiles(id).stream()
                .map(FileVersionViews::superseded)
                .toList();
        List<ChangeView> changes =
                versions.of(id).stream().map(FileVersionViews::change).toList();
        return new Versions(id.toString(), superseded, changes);
    }

    Uploaded uploaded(FileReplaced replaced, List<Before> before) {
        var file = documents.get(replaced.documentId()).files().stream()
                .filter(f -> f.sha256().equals(replaced.newFile()))
                .findFirst()
                .orElseThrow();
        return new Uploaded(
                replaced.documentId().toString(),
                replaced.oldFile().hex(),
                new FileRef(file.sha256().hex(), file.originalName(), file.mediaType(), file.size()),
                "pending",
                before);
    }

    /** The progress of each of the document's translations now. */
    List<Before> before(DocumentId id) {
        List<Translation> all = translations.ofDocument(id);
        Map<org.verso.translation.TranslationId, Progress> progress =
                translations.progress(all.stream().map(Translation::id).toList());
        return all.stream()
                .map(t -> {
                    Progress p = progress.get(t.id());
                    return new Before(
                            t.id().toString(),
                            t.targetLanguage().value(),
                            new Count(p.of(SegmentStatus.TRANSLATED) + p.of(SegmentStatus.APPROVED), p.total()));
                })
                .toList();
    }

    private static Superseded superseded(SupersededFile s) {
        var f = s.file();
        return new Superseded(
                new FileRef(f.sha256().hex(), f.originalName(), f.mediaType(), f.size()),
                s.supersededBy().hex(),
                s.supersededAt());
    }

    private static ChangeView change(SourceChange c) {
        return new ChangeView(
                c.oldFile().hex(),
                c.newFile().hex(),
                c.at(),
                c.unchanged(),
                c.changed(),
                c.added(),
                c.removed(),
                c.translations().stream()
                        .map(t -> new CarriedView(
                                t.translation().toString(),
                                t.language() == null ? null : t.language().value(),
                                new Count(t.beforeDone(), t.beforeTotal()),
                                new Count(t.afterDone(), t.afterTotal()),
                                t.removedSegments().stream()
                                        .map(r -> new RemovedView(
                                                r.segment().toString(),
                                                r.index(),
                                                r.source(),
                                                r.target(),
                                                r.status().name().toLowerCase(java.util.Locale.ROOT),
                                                r.version()))
                                        .toList()))
                        .toList());
    }
}
