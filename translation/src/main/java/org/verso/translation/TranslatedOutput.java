package org.verso.translation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.verso.library.ConflictException;
import org.verso.library.FileStore;
import org.verso.library.Sha256;
import org.verso.translation.StoredRevisions.RevisionSegment;
import org.verso.translation.internal.InlineMarkup;

/**
 * The translated file of a translation: each of the document's files in its own format through the Okapi merge, or
 * a new DOCX built from the segments where the format cannot round-trip; several files come in one ZIP. A merge that
 * would damage the file refuses with the segment and the reason (fail closed).
 *
 * <p>Thread-safe.
 */
public class TranslatedOutput {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Translations translations;
    private final StoredRevisions revisions;
    private final Segments segments;
    private final Segmentation segmentation;
    private final FileStore files;

    TranslatedOutput(
            Translations translations,
            StoredRevisions revisions,
            Segments segments,
            Segmentation segmentation,
            FileStore files) {
        this.translations = translations;
        this.revisions = revisions;
        this.segments = segments;
        this.segmentation = segmentation;
        this.files = files;
    }

    /**
     * The translation as a file: of the revision when given, else a draft preview of the live segments.
     *
     * @throws org.verso.library.NotFoundException ({@code revision-not-found}) for a revision of another translation
     */
    public TranslatedFile output(TranslationId id, RevisionId revision) {
        Translation t = translations.get(id);
        Map<Sha256, List<SegmentTranslation>> targets = revision == null ? live(id) : approved(id, revision);
        List<TranslatedFile> outputs = new ArrayList<>();
        // a revision is of the files it was approved on, though newer versions may have replaced them since
        List<FileSegmentation> sources = revision == null
                ? segments.files(t.document())
                : targets.keySet().stream()
                        .flatMap(sha -> segments.file(t.document(), sha).stream())
                        .toList();
        for (FileSegmentation file : sources) {
            if (file.state() != SegmentationState.SEGMENTED) {
                continue;
            }
            List<SegmentTranslation> translated = targets.getOrDefault(file.file(), List.of());
            outputs.add(file.roundTrip() ? merged(t, file, translated) : NewDocx.of(t, file, units(file), translated));
        }
        if (outputs.isEmpty()) {
            throw new ConflictException("nothing-to-output", "The document has no segmented file to translate.");
        }
        boolean draft = revision == null;
        if (outputs.size() == 1) {
            TranslatedFile only = outputs.get(0);
            return new TranslatedFile(only.fileName(), only.mediaType(), only.bytes(), draft);
        }
        return new TranslatedFile("translation-" + t.targetLanguage() + ".zip", "application/zip", zip(outputs), draft);
    }

    private Map<Sha256, List<SegmentTranslation>> live(TranslationId id) {
        Map<Sha256, List<SegmentTranslation>> byFile = new LinkedHashMap<>();
        for (TargetSegment s : translations.allSegments(id)) {
            if (!s.target().isEmpty()) {
                byFile.computeIfAbsent(s.file(), k -> new ArrayList<>())
                        .add(new SegmentTranslation(s.index(), s.source(), s.target()));
            }
        }
        return byFile;
    }

    private Map<Sha256, List<SegmentTranslation>> approved(TranslationId id, RevisionId revisionId) {
        Revision revision = revisions
                .find(revisionId)
                .filter(r -> r.translation().equals(id))
                .orElseThrow(() -> Refusals.revisionNotFound(revisionId));
        Map<Sha256, List<SegmentTranslation>> byFile = new LinkedHashMap<>();
        for (RevisionSegment s : revisions.segments(revision.id())) {
            byFile.computeIfAbsent(s.file(), k -> new ArrayList<>())
                    .add(new SegmentTranslation(s.index(), s.source(), s.target()));
        }
        return byFile;
    }

    private TranslatedFile merged(Translation t, FileSegmentation file, List<SegmentTranslation> translated) {
        String language = t.sourceLanguage() == null ? null : t.sourceLanguage().value();
        SourceFile source = SourceFile.of(file.mediaType(), file.fileName(), language);
        // each segment's place from the extraction, so the merge need not segment the file again (segments stored
        // before places were have none: their merge segments again)
        Map<Integer, SegmentPlace> places = segments.places(file.documentId(), file.file());
        List<SegmentTranslation> placed =
                translated.stream().map(s -> s.at(places.get(s.index()))).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream original = files.open(file.file())) {
            segmentation.merge(original, source, t.targetLanguage().value(), placed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TranslatedFile(named(file.fileName(), t, null), file.mediaType(), out.toByteArray(), false);
    }

    /** The source segments of a file, in order. */
    private List<Segment> units(FileSegmentation file) {
        List<Segment> units = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Segment> batch = segments.of(file.documentId(), file.file(), page, Segments.MAX_PAGE_SIZE);
            units.addAll(batch);
            if (batch.size() < Segments.MAX_PAGE_SIZE) {
                return units;
            }
        }
    }

    /** {@code charter.docx} → {@code charter.ru.docx}; {@code extension} replaces the file's own when given. */
    static String named(String fileName, Translation t, String extension) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = extension != null ? extension : dot > 0 ? fileName.substring(dot + 1) : "txt";
        return base + "." + t.targetLanguage() + "." + ext;
    }

    static String plain(String markup) {
        return InlineMarkup.plainText(markup);
    }

    private static byte[] zip(List<TranslatedFile> outputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Integer> used = new HashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (TranslatedFile file : outputs) {
                int seen = used.merge(file.fileName(), 1, Integer::sum);
                String name = seen == 1 ? file.fileName() : seen + "-" + file.fileName();
                zip.putNextEntry(new ZipEntry(name));
                zip.write(file.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String docxType() {
        return DOCX;
    }
}
