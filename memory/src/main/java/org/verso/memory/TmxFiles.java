package org.verso.memory;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verso.library.DocumentId;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.TooLargeException;
import org.verso.memory.internal.TmxReader;
import org.verso.memory.internal.TmxWriter;

/**
 * TMX in and out of the memory. An import reads every file whole before it changes anything, then adds all their
 * pairs in one transaction: a file that is too large, malformed, uses entities or names an unknown language refuses
 * the whole import. Each {@code <tu>} gives one unit per target variant, from its source variant ({@code srclang} of the
 * unit or the header; {@code *all*}: the first variant). Thread-safe.
 */
public class TmxFiles {
    private static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final TranslationMemory memory;
    private final MemoryProperties settings;
    private final Clock clock;

    TmxFiles(TranslationMemory memory, MemoryProperties settings, Clock clock) {
        this.memory = memory;
        this.settings = settings;
        this.clock = clock;
    }

    /** Imports the files as one: all their pairs or nothing. */
    public ImportReport importFiles(List<TmxUpload> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("tmx-missing", "Choose at least one TMX file to import.");
        }
        List<MemoryUnit> units = new ArrayList<>();
        List<ImportReport.Skip> skips = new ArrayList<>();
        int skipped = 0;
        for (TmxUpload file : files) {
            if (file.content().length > settings.maxTmxSize().toBytes()) {
                throw new TooLargeException(
                        "tmx-too-large",
                        file.name() + " is larger than " + settings.maxTmxSize().toMegabytes() + " MB, the largest TMX"
                                + " file an import reads.");
            }
            TmxReader.File tmx = new TmxReader(settings.maxTmxUnits()).read(new ByteArrayInputStream(file.content()));
            for (TmxReader.Unit tu : tmx.units()) {
                for (ImportReport.Skip skip : units(file.name(), tmx, tu, units)) {
                    skipped++;
                    if (skips.size() < ImportReport.MAX_SKIPS) {
                        skips.add(skip);
                    }
                }
            }
            if (units.size() > settings.maxTmxUnits()) {
                throw new TooLargeException(
                        "tmx-too-large", "The import holds more than " + settings.maxTmxUnits() + " pairs.");
            }
        }
        Added added = memory.add(units);
        for (MemoryUnit unit : added.unchanged()) {
            skipped++;
            if (skips.size() < ImportReport.MAX_SKIPS) {
                skips.add(new ImportReport.Skip(
                        unit.provenance().note(),
                        0,
                        unit.targetLanguage().value(),
                        "duplicate",
                        "The memory holds this pair already."));
            }
        }
        return new ImportReport(
                files.size(), added.added().size(), added.updated().size(), skipped, skips);
    }

    private List<ImportReport.Skip> units(String file, TmxReader.File tmx, TmxReader.Unit tu, List<MemoryUnit> into) {
        List<ImportReport.Skip> skips = new ArrayList<>();
        String wanted = tu.sourceLanguage() != null ? tu.sourceLanguage() : tmx.sourceLanguage();
        TmxReader.Variant source = null;
        List<LanguageTag> languages = new ArrayList<>();
        for (TmxReader.Variant v : tu.variants()) {
            languages.add(language(file, tu, v.language()));
        }
        LanguageTag wantedTag = wanted == null || wanted.equals("*all*") ? null : language(file, tu, wanted);
        int sourceIndex = -1;
        for (int i = 0; i < tu.variants().size(); i++) {
            if (wantedTag == null || languages.get(i).equals(wantedTag)) {
                sourceIndex = i;
                break;
            }
        }
        if (sourceIndex < 0 && wantedTag != null) {
            for (int i = 0; i < tu.variants().size(); i++) {
                if (languages.get(i).language().equals(wantedTag.language())) {
                    sourceIndex = i;
                    break;
                }
            }
        }
        if (sourceIndex < 0) {
            skips.add(new ImportReport.Skip(
                    file, tu.number(), null, "no-source-variant", "No variant in the source language " + wanted + "."));
            return skips;
        }
        source = tu.variants().get(sourceIndex);
        if (source.segment() == null || source.segment().isBlank()) {
            skips.add(new ImportReport.Skip(file, tu.number(), null, "empty-segment", "The source segment is empty."));
            return skips;
        }
        if (tu.variants().size() < 2) {
            skips.add(new ImportReport.Skip(
                    file, tu.number(), null, "no-target-variant", "The unit has no translation."));
            return skips;
        }
        for (int i = 0; i < tu.variants().size(); i++) {
            if (i == sourceIndex) {
                continue;
            }
            TmxReader.Variant target = tu.variants().get(i);
            LanguageTag targetLanguage = languages.get(i);
            if (targetLanguage.equals(languages.get(sourceIndex))) {
                skips.add(new ImportReport.Skip(
                        file, tu.number(), targetLanguage.value(), "same-language", "A second source variant."));
            } else if (target.segment() == null || target.segment().isBlank()) {
                skips.add(new ImportReport.Skip(
                        file, tu.number(), targetLanguage.value(), "empty-segment", "The translation is empty."));
            } else {
                into.add(new MemoryUnit(
                        UnitId.random(),
                        languages.get(sourceIndex),
                        targetLanguage,
                        source.segment().strip(),
                        target.segment().strip(),
                        null,
                        new Provenance(Origin.IMPORTED, null, null, null, target.who(), date(target.date()), file)));
            }
        }
        return skips;
    }

    private static LanguageTag language(String file, TmxReader.Unit tu, String value) {
        LanguageTag tag = null;
        try {
            tag = LanguageTag.ofNullable(value);
        } catch (InvalidInputException e) {
            // reported below, with the file and unit
        }
        if (tag == null || !known(tag.language())) {
            throw new InvalidInputException(
                    "tmx-unknown-language",
                    file + ", unit " + tu.number() + ": \"" + value + "\" is not a language Verso knows; nothing was"
                            + " imported.");
        }
        return tag;
    }

    private static boolean known(String primary) {
        return primary.length() == 2 ? LANGUAGES.contains(primary) : primary.length() == 3;
    }

    private Instant date(String tmx) {
        if (tmx != null) {
            try {
                return LocalDateTime.parse(tmx.strip(), TMX_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // an unreadable date: the import's
            }
        }
        return clock.instant();
    }

    /** Writes the units of a pair (either null: any) and of a document (null: any) as TMX 1.4b. */
    public void export(LanguageTag sourceLanguage, LanguageTag targetLanguage, DocumentId document, OutputStream out) {
        try (TmxWriter writer = new TmxWriter(out, sourceLanguage == null ? "*all*" : sourceLanguage.value())) {
            memory.forEach(sourceLanguage, targetLanguage, document, unit -> writer.write(tu(unit)));
        }
    }

    /** Writes the given units as TMX 1.4b (the matches of one translation, for an offline package). */
    public void write(List<MemoryUnit> units, OutputStream out) {
        Set<String> sources = new LinkedHashSet<>();
        units.forEach(u -> sources.add(u.sourceLanguage().value()));
        try (TmxWriter writer =
                new TmxWriter(out, sources.size() == 1 ? sources.iterator().next() : "*all*")) {
            units.forEach(unit -> writer.write(tu(unit)));
        }
    }

    private static TmxWriter.Tu tu(MemoryUnit unit) {
        Provenance p = unit.provenance();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("x-verso-origin", p.origin().name().toLowerCase(Locale.ROOT));
        props.put("x-verso-document", p.document() == null ? null : p.document().toString());
        props.put("x-verso-revision", p.revision() == null ? null : p.revision().toString());
        props.put("x-verso-note", p.note());
        String who = p.translatorName() != null
                ? p.translatorName()
                : p.translator() == null ? null : p.translator().toString();
        return new TmxWriter.Tu(
                unit.id().toString(),
                unit.sourceLanguage().value(),
                unit.source(),
                unit.targetLanguage().value(),
                unit.target(),
                who,
                p.date(),
                props);
    }
}
