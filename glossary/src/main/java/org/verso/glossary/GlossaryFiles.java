package org.verso.glossary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.glossary.ImportReport.Line;
import org.verso.glossary.internal.Entry;
import org.verso.glossary.internal.GlossaryCsv;
import org.verso.glossary.internal.TbxReader;
import org.verso.glossary.internal.TbxWriter;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.TooLargeException;
import org.verso.library.UnsupportedTypeException;

/**
 * Importing and exporting the glossary as TBX and CSV. An import reads and checks the whole file before it writes,
 * then writes in one transaction: a refused file changes nothing, and a file is never half-imported. A term already
 * there (same pair, same source and target term) is updated when its part of speech, note or forbidden variants
 * differ, and skipped as unchanged otherwise. Thread-safe.
 */
@Service
public class GlossaryFiles {
    /** The largest file an import reads. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private final Glossary glossary;
    private final TransactionTemplate transaction;

    GlossaryFiles(Glossary glossary, PlatformTransactionManager transactions) {
        this.glossary = glossary;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Imports a TBX or CSV file (told apart by its name, else by its first character).
     *
     * @param source the source language (for TBX: else the file's own; for CSV: else the column)
     * @param target the target language (for TBX: else every other language of the file; for CSV: else the column)
     * @throws TooLargeException {@code glossary-file-too-large}
     * @throws UnsupportedTypeException {@code unsupported-glossary-format}
     * @throws InvalidInputException {@code malformed-tbx}, {@code xml-entities-refused}, {@code not-tbx},
     *     {@code malformed-csv}, {@code csv-missing-column}, {@code unknown-language}, {@code empty-file}
     */
    public ImportReport importFile(String fileName, InputStream in, LanguageTag source, LanguageTag target) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TooLargeException(
                    "glossary-file-too-large", "A glossary file may have at most " + MAX_BYTES / 1024 / 1024 + " MB.");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("empty-file", "The file is empty.");
        }
        String format = format(fileName, bytes);
        List<Entry> entries = format.equals("tbx")
                ? TbxReader.read(bytes, source, target)
                : GlossaryCsv.read(utf8(bytes), source, target);
        return transaction.execute(status -> store(format, entries));
    }

    private ImportReport store(String format, List<Entry> entries) {
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int added = 0;
        int updated = 0;
        int skipped = 0;
        try {
            for (Entry e : entries) {
                String reason = e.problem();
                TermDraft draft = null;
                if (reason == null) {
                    try {
                        draft = new TermDraft(
                                e.sourceLanguage(),
                                e.targetLanguage(),
                                e.sourceTerm(),
                                e.targetTerm(),
                                e.partOfSpeech(),
                                e.note(),
                                e.forbidden());
                    } catch (InvalidInputException invalid) {
                        reason = invalid.getMessage();
                    }
                }
                if (draft != null
                        && !seen.add(draft.sourceLanguage() + " " + draft.targetLanguage() + " "
                                + TermDraft.key(draft.sourceTerm()) + " " + TermDraft.key(draft.targetTerm()))) {
                    reason = "the same term appears earlier in the file";
                }
                if (reason != null) {
                    lines.add(new Line(e.at(), e.sourceTerm(), e.targetTerm(), "skipped", reason));
                    skipped++;
                    continue;
                }
                var existing = glossary.same(draft);
                if (existing.isEmpty()) {
                    glossary.add(draft);
                    lines.add(new Line(e.at(), draft.sourceTerm(), draft.targetTerm(), "added", null));
                    added++;
                } else if (existing.get().draft().equals(draft)) {
                    lines.add(new Line(e.at(), draft.sourceTerm(), draft.targetTerm(), "skipped", "unchanged"));
                    skipped++;
                } else {
                    glossary.update(existing.get().id(), draft);
                    lines.add(new Line(e.at(), draft.sourceTerm(), draft.targetTerm(), "updated", null));
                    updated++;
                }
            }
        } finally {
            glossary.changed();
        }
        return new ImportReport(format, added, updated, skipped, lines);
    }

    /** Writes the terms of one pair (or every pair: both null) as TBX: for the offline package as for the export. */
    public void writeTbx(LanguageTag source, LanguageTag target, OutputStream out) {
        TbxWriter.write(rows(source, target), source, out);
    }

    /** Writes the terms of one pair (or every pair: both null) as CSV in UTF-8. */
    public void writeCsv(LanguageTag source, LanguageTag target, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        GlossaryCsv.write(rows(source, target), writer);
    }

    private List<TbxWriter.Row> rows(LanguageTag source, LanguageTag target) {
        return glossary.all(source, target).stream()
                .map(t -> new TbxWriter.Row(
                        t.id().toString(),
                        t.sourceLanguage(),
                        t.targetLanguage(),
                        t.sourceTerm(),
                        t.targetTerm(),
                        t.partOfSpeech(),
                        t.note(),
                        t.forbidden()))
                .toList();
    }

    private static String format(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tbx") || name.endsWith(".xml")) {
            return "tbx";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .strip();
        if (start.startsWith("<")) {
            return "tbx";
        }
        if (!name.contains(".") || name.endsWith(".txt")) {
            return "csv";
        }
        throw new UnsupportedTypeException(
                "unsupported-glossary-format", "A glossary is imported from TBX (.tbx) or CSV (.csv): " + fileName);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("malformed-csv", "The CSV is not UTF-8 text.");
        }
    }
}
