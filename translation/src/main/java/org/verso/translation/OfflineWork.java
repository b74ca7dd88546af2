package org.verso.translation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;
import org.verso.library.ForbiddenOperationException;
import org.verso.library.InvalidInputException;
import org.verso.library.TooLargeException;
import org.verso.translation.XliffImport.Outcome;
import org.verso.translation.XliffImport.UnitOutcome;
import org.verso.translation.internal.XliffFile;
import org.verso.translation.internal.XliffHeader;
import org.verso.translation.internal.XliffRead;
import org.verso.translation.internal.XliffReader;
import org.verso.translation.internal.XliffUnit;
import org.verso.translation.internal.XliffWriter;

/**
 * Offline translation in a CAT tool: a translation out as XLIFF 1.2 or 2.0 (or an offline package: the XLIFF, a
 * README and what {@link OfflinePackagePart} beans add), and the translated XLIFF back in.
 *
 * <p>Each unit's id ({@code seg-<segment id>-v<version>}) ties it to its segment and to the version exported. An
 * import is atomic: a file-level problem ({@link XliffRefused}, too large, not the holder) changes nothing; otherwise
 * every accepted unit is saved by {@link Translations#saveAll} (the editor's rules, checks and history, written in
 * batches) in one transaction, and each unit's outcome is reported. Thread-safe.
 */
public class OfflineWork {
    /** The largest XLIFF file an import reads: 100 MB. */
    public static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    static final String XLIFF_TYPE = "application/xliff+xml";
    /** The most memory matches a unit carries, best first. */
    static final int MAX_MATCHES = 3;

    private static final Pattern UNIT_ID =
            Pattern.compile("seg-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-v(\\d{1,9})");

    private final Translations translations;
    private final Segments segments;
    private final Accounts accounts;
    private final Clock clock;
    private final List<OfflinePackagePart> parts;
    private final List<OfflineUnitAids> aids;

    OfflineWork(
            Translations translations,
            Segments segments,
            Accounts accounts,
            Clock clock,
            List<OfflinePackagePart> parts,
            List<OfflineUnitAids> aids) {
        this.translations = Objects.requireNonNull(translations, "translations");
        this.segments = Objects.requireNonNull(segments, "segments");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parts = List.copyOf(parts);
        this.aids = List.copyOf(aids);
    }

    /**
     * The translation as XLIFF, for its holder or a coordinator: one unit per selected segment, the target pre-filled
     * with the source where there is none yet (CAT tools such as OmegaT translate the {@code <target>}), with what
     * the {@link OfflineUnitAids} beans add (memory matches, glossary entries).
     */
    public TranslatedFile export(TranslationId id, XliffVersion version, XliffSelection selection, AccountId by) {
        Translation t = exporter(id, by);
        List<TargetSegment> segments = selected(id, selection);
        byte[] bytes = write(t, segments, version, selection, aids(t, segments), this.segments.codes(t.document()));
        return new TranslatedFile(baseName(t, segments) + ".xlf", XLIFF_TYPE, bytes, false);
    }

    /**
     * The offline package (ZIP): the XLIFF, a README in {@code language} (English or Russian) on working in OmegaT
     * and sending the file back, the files every {@link OfflineUnitAids} bean makes from the aids the XLIFF carries
     * (each bean asked once), and the files of every {@link OfflinePackagePart}.
     */
    public TranslatedFile offlinePackage(
            TranslationId id, XliffVersion version, XliffSelection selection, Locale language, AccountId by) {
        Translation t = exporter(id, by);
        List<TargetSegment> segments = selected(id, selection);
        String base = baseName(t, segments);
        String xliff = base + ".xlf";
        // each aid bean is asked once: its answer fills the XLIFF's units and its files (matches.tmx) alike
        List<OfflineUnitAids.Found> found =
                aids.stream().map(part -> part.found(t, segments)).toList();
        List<OfflinePackagePart.PackageFile> files = new ArrayList<>();
        found.forEach(f -> files.addAll(f.files()));
        parts.forEach(part -> files.addAll(part.files(t, segments)));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            entry(
                    out,
                    xliff,
                    write(
                            t,
                            segments,
                            version,
                            selection,
                            merged(found.stream()
                                    .map(OfflineUnitAids.Found::aids)
                                    .toList()),
                            this.segments.codes(t.document())));
            entry(out, "README.txt", readme(language, xliff, t).getBytes(StandardCharsets.UTF_8));
            Set<String> names = new HashSet<>(Set.of(xliff, "README.txt"));
            for (OfflinePackagePart.PackageFile file : files) {
                if (names.add(file.name())) {
                    entry(out, file.name(), file.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TranslatedFile(base + ".zip", "application/zip", zip.toByteArray(), false);
    }

    /**
     * Imports a translated XLIFF file (1.2 or 2.0) into the translation; only its holder may.
     *
     * @param size the size the upload declares, or -1 when unknown (the stream is then counted)
     * @throws XliffRefused the file as a whole is refused; nothing was written
     * @throws TooLargeException {@code xliff-too-large}, more than {@link #MAX_UPLOAD_BYTES}
     */
    public XliffImport importXliff(TranslationId id, InputStream in, long size, AccountId by) {
        Translation t = translations.get(id);
        if (t.status() == TranslationStatus.APPROVED) {
            throw Refusals.approved();
        }
        if (!t.heldBy(by, clock.instant())) {
            throw new ForbiddenOperationException(
                    "holder-only",
                    "Only the translator who holds the claim imports into a translation; claim it first.");
        }
        if (size > MAX_UPLOAD_BYTES) {
            throw tooLarge();
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("verso-xliff-", ".xlf");
            try (OutputStream out = Files.newOutputStream(spool)) {
                copyAtMost(in, out);
            }
            XliffRead read = XliffReader.read(spool);
            belongs(read, t);
            return apply(id, read, by);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    spool.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The id a segment's unit carries: the segment and the version exported. */
    static String unitId(TargetSegment s) {
        return "seg-" + s.id().value() + "-v" + s.version();
    }

    /**
     * Decides every unit against the segments as they are under the translation's lock and saves the updated ones
     * in one batch ({@link Translations#saveAll}): a save in the editor at the same time lands either before (the
     * unit is then a conflict, or unchanged if its target is the same) or after (the save is then refused as stale).
     */
    private XliffImport apply(TranslationId id, XliffRead read, AccountId by) {
        return translations.saveAll(id, by, (t, segments, saves) -> {
            Map<SegmentId, TargetSegment> current = new HashMap<>();
            for (TargetSegment s : segments) {
                current.put(s.id(), s);
            }
            Set<SegmentId> seen = new HashSet<>();
            List<UnitOutcome> outcomes = new ArrayList<>();
            for (XliffRead.Unit unit : read.units()) {
                UnitOutcome outcome = decide(t, unit, current, seen, read.version2());
                if (outcome.outcome() == Outcome.UPDATED) {
                    saves.add(new TargetBatch.TargetSave(
                            current.get(outcome.segment()), unit.target(), outcome.status()));
                }
                outcomes.add(outcome);
            }
            return new XliffImport(t.id(), read.version2() ? "2.0" : "1.2", outcomes);
        });
    }

    private static UnitOutcome decide(
            Translation t,
            XliffRead.Unit unit,
            Map<SegmentId, TargetSegment> current,
            Set<SegmentId> seen,
            boolean version2) {
        Matcher m = UNIT_ID.matcher(unit.id() == null ? "" : unit.id());
        TargetSegment s = m.matches() ? current.get(new SegmentId(UUID.fromString(m.group(1)))) : null;
        if (s == null) {
            return outcome(
                    unit,
                    null,
                    Outcome.REJECTED,
                    null,
                    "unknown-unit",
                    "The unit id is not one of this translation's segments.");
        }
        if (!seen.add(s.id())) {
            return outcome(
                    unit,
                    s,
                    Outcome.REJECTED,
                    null,
                    "duplicate-unit",
                    "Another unit of the file is for the same segment.");
        }
        if (unit.problem() != null) {
            return outcome(unit, s, Outcome.REJECTED, null, "codes", "The unit holds " + unit.problem() + ".");
        }
        if (!unit.source().equals(s.source())) {
            return outcome(
                    unit,
                    s,
                    Outcome.REJECTED,
                    null,
                    "source-changed",
                    "The unit's source differs from the segment's source; only the target may be edited.");
        }
        if (unit.target() == null) {
            return outcome(unit, s, Outcome.UNCHANGED, null, "no-target", "The unit has no target.");
        }
        int exported = Integer.parseInt(m.group(2));
        if (exported > s.version()) {
            return outcome(
                    unit,
                    s,
                    Outcome.REJECTED,
                    null,
                    "unknown-version",
                    "The segment never had version " + exported + ".");
        }
        if (exported < s.version()) {
            if (unit.target().equals(s.target())) {
                return outcome(unit, s, Outcome.UNCHANGED, null, "same-target", "The segment has this target already.");
            }
            return outcome(
                    unit,
                    s,
                    Outcome.CONFLICT,
                    null,
                    "changed-since-export",
                    "The segment was saved in Verso (version " + s.version()
                            + ") after this file was exported (version " + exported + "); resolve it in the editor.");
        }
        String wrote = s.target().isEmpty() ? s.source() : s.target();
        boolean toolKeptState = unit.state() == null
                || unit.state().equals(XliffStates.exported(s.status(), version2)) && !unit.approved();
        SegmentStatus wanted;
        if (!unit.target().equals(wrote)) {
            wanted = toolKeptState || XliffStates.done(unit.state(), unit.approved(), version2)
                    ? SegmentStatus.TRANSLATED
                    : SegmentStatus.DRAFT;
        } else if (!toolKeptState
                && XliffStates.done(unit.state(), unit.approved(), version2)
                && Set.of(SegmentStatus.NEW, SegmentStatus.DRAFT, SegmentStatus.SOURCE_CHANGED)
                        .contains(s.status())) {
            wanted = SegmentStatus.TRANSLATED; // the translator confirmed the target as it is
        } else {
            return outcome(unit, s, Outcome.UNCHANGED, null, "same-target", "The target is the one exported.");
        }
        if (t.status() == TranslationStatus.IN_REVIEW
                && s.status() != SegmentStatus.REJECTED
                && s.status() != SegmentStatus.DRAFT) {
            return outcome(
                    unit,
                    s,
                    Outcome.REJECTED,
                    null,
                    "segment-under-review",
                    "While in review only the segments a reviewer rejected can be edited.");
        }
        try {
            TargetCodes.check(s.source(), unit.target(), wanted == SegmentStatus.TRANSLATED);
        } catch (InvalidInputException e) {
            return outcome(unit, s, Outcome.REJECTED, null, "codes", e.getMessage());
        }
        return outcome(unit, s, Outcome.UPDATED, wanted, null, null);
    }

    private static UnitOutcome outcome(
            XliffRead.Unit unit, TargetSegment s, Outcome outcome, SegmentStatus status, String reason, String detail) {
        return new UnitOutcome(unit.id(), s == null ? null : s.id(), unit.line(), outcome, status, reason, detail);
    }

    /** The file must be Verso's export of this translation: its document, its target language, its id. */
    private static void belongs(XliffRead read, Translation t) {
        if (read.files().isEmpty()) {
            throw new XliffRefused("xliff-invalid", "The file has no <file> element.");
        }
        for (XliffRead.File f : read.files()) {
            if (f.document() == null) {
                throw new XliffRefused(
                        "xliff-other-document",
                        "The file was not exported from Verso (its <file> lacks verso:document).",
                        f.line(),
                        0,
                        null);
            }
            if (!f.document().equals(t.document().value().toString())) {
                throw new XliffRefused(
                        "xliff-other-document",
                        "The file belongs to another document (" + f.document() + ").",
                        f.line(),
                        0,
                        null);
            }
            String language = f.targetLanguage();
            if (language == null
                    || !language.equalsIgnoreCase(t.targetLanguage().value())) {
                throw new XliffRefused(
                        "xliff-wrong-language",
                        "The file's target language is " + language + ", the translation's is " + t.targetLanguage()
                                + ".",
                        f.line(),
                        0,
                        null);
            }
            if (!t.id().value().toString().equals(f.translation())) {
                throw new XliffRefused(
                        "xliff-other-translation",
                        "The file was exported from another translation (" + f.translation() + ").",
                        f.line(),
                        0,
                        null);
            }
        }
    }

    private Translation exporter(TranslationId id, AccountId by) {
        Translation t = translations.get(id);
        Actor actor = Actor.of(accounts.get(by));
        if (!actor.coordinator() && !t.heldBy(by, clock.instant())) {
            throw new ForbiddenOperationException(
                    "holder-or-coordinator",
                    "Only the translator holding the claim or a coordinator exports a translation.");
        }
        return t;
    }

    private List<TargetSegment> selected(TranslationId id, XliffSelection selection) {
        return translations.allSegments(id).stream()
                .filter(s -> selection.holds(s.status()))
                .toList();
    }

    /** What every {@link OfflineUnitAids} bean adds, by segment, in the beans' order. */
    private Map<SegmentId, List<OfflineUnitAids.Aid>> aids(Translation t, List<TargetSegment> segments) {
        return merged(aids.stream().map(part -> part.aids(t, segments)).toList());
    }

    /** The beans' answers by segment, in the beans' order. */
    private static Map<SegmentId, List<OfflineUnitAids.Aid>> merged(
            List<Map<SegmentId, List<OfflineUnitAids.Aid>>> answers) {
        Map<SegmentId, List<OfflineUnitAids.Aid>> all = new HashMap<>();
        for (Map<SegmentId, List<OfflineUnitAids.Aid>> answer : answers) {
            answer.forEach((segment, found) ->
                    all.computeIfAbsent(segment, k -> new ArrayList<>()).addAll(found));
        }
        return all;
    }

    private static byte[] write(
            Translation t,
            List<TargetSegment> segments,
            XliffVersion version,
            XliffSelection selection,
            Map<SegmentId, List<OfflineUnitAids.Aid>> aids,
            Map<SegmentId, List<OriginalCode>> codes) {
        Map<String, List<XliffUnit>> byFile = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (TargetSegment s : segments) {
            names.putIfAbsent(s.file().hex(), s.fileName());
            byFile.computeIfAbsent(s.file().hex(), k -> new ArrayList<>())
                    .add(unit(s, aids.getOrDefault(s.id(), List.of()), codes.getOrDefault(s.id(), List.of())));
        }
        List<XliffFile> files = new ArrayList<>();
        byFile.forEach((sha, units) -> files.add(new XliffFile(names.get(sha), units)));
        XliffHeader header = new XliffHeader(
                t.id().value().toString(),
                t.document().value().toString(),
                t.sourceLanguage() == null ? "und" : t.sourceLanguage().value(),
                t.targetLanguage().value(),
                selection.name().toLowerCase(Locale.ROOT));
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + segments.size() * 300);
        String note = t.note() == null || t.note().isBlank() ? null : t.note();
        XliffWriter.write(version == XliffVersion.V2_0, header, files, note, out);
        return out.toByteArray();
    }

    private static XliffUnit unit(TargetSegment s, List<OfflineUnitAids.Aid> aids, List<OriginalCode> codes) {
        List<XliffUnit.Note> notes = new ArrayList<>();
        if (s.comment() != null && !s.comment().isBlank()) {
            notes.add(new XliffUnit.Note("reviewer", s.comment()));
        }
        if (s.status() == SegmentStatus.SOURCE_CHANGED) {
            notes.add(new XliffUnit.Note("verso", "The source changed; the earlier translation is kept as a start."));
        }
        return new XliffUnit(
                unitId(s),
                Integer.toString(s.index()),
                s.source(),
                s.target().isEmpty() ? s.source() : s.target(),
                XliffStates.state12(s.status()),
                s.status() == SegmentStatus.APPROVED,
                XliffStates.state20(s.status()),
                XliffStates.subState20(s.status()),
                notes,
                aids.stream()
                        .filter(OfflineUnitAids.MemoryMatch.class::isInstance)
                        .map(OfflineUnitAids.MemoryMatch.class::cast)
                        .sorted(Comparator.comparingInt(OfflineUnitAids.MemoryMatch::quality)
                                .reversed())
                        .limit(MAX_MATCHES)
                        .toList(),
                aids.stream()
                        .filter(OfflineUnitAids.GlossaryEntry.class::isInstance)
                        .map(OfflineUnitAids.GlossaryEntry.class::cast)
                        .toList(),
                codes);
    }

    private static String baseName(Translation t, List<TargetSegment> segments) {
        String name = segments.isEmpty() ? "translation" : segments.get(0).fileName();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return (base.isBlank() ? "translation" : base) + "."
                + t.targetLanguage().value();
    }

    private static String readme(Locale language, String xliff, Translation t) {
        String lang = language != null && language.getLanguage().equals("ru") ? "ru" : "en";
        try (InputStream in = OfflineWork.class.getResourceAsStream("/offline/README." + lang + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{file}", xliff)
                    .replace(
                            "{source}",
                            t.sourceLanguage() == null
                                    ? "und"
                                    : t.sourceLanguage().value())
                    .replace("{target}", t.targetLanguage().value())
                    .replace("{translation}", t.id().value().toString())
                    .replace("{due}", t.due() == null ? "-" : t.due().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static void copyAtMost(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_UPLOAD_BYTES) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
    }

    private static TooLargeException tooLarge() {
        return new TooLargeException(
                "xliff-too-large", "The file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB.");
    }
}
