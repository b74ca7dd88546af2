package org.verso.glossary.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/**
 * The glossary's CSV (RFC 4180, UTF-8, a header row): {@code source_language, target_language, source_term,
 * target_term, part_of_speech, note, forbidden} (forbidden variants separated by {@code |}). The language columns may
 * be left out when the import names the pair; header names are compared case-insensitively, spaces as underscores.
 */
public final class GlossaryCsv {
    public static final List<String> COLUMNS = List.of(
            "source_language", "target_language", "source_term", "target_term", "part_of_speech", "note", "forbidden");

    private GlossaryCsv() {}

    /**
     * @throws InvalidInputException {@code malformed-csv}, {@code csv-missing-column}, {@code unknown-language}
     */
    public static List<Entry> read(String text, LanguageTag source, LanguageTag target) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<Entry> entries = new ArrayList<>();
        try (CSVParser csv =
                CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), format)) {
            Map<String, String> header = new TreeMap<>();
            for (String name : csv.getHeaderNames()) {
                header.put(name.strip().toLowerCase(Locale.ROOT).replace(' ', '_'), name);
            }
            List<String> required = new ArrayList<>(List.of("source_term", "target_term"));
            if (source == null) {
                required.add("source_language");
            }
            if (target == null) {
                required.add("target_language");
            }
            List<String> missing =
                    required.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(
                        "csv-missing-column",
                        "The CSV lacks the column(s) " + missing + "; its header names " + header.keySet() + ".");
            }
            for (CSVRecord record : csv) {
                String at = "line " + (record.getRecordNumber() + 1);
                LanguageTag from = language(record, header, "source_language", source, at);
                LanguageTag to = language(record, header, "target_language", target, at);
                String forbidden = value(record, header, "forbidden");
                entries.add(new Entry(
                        at,
                        from,
                        to,
                        value(record, header, "source_term"),
                        value(record, header, "target_term"),
                        value(record, header, "part_of_speech"),
                        value(record, header, "note"),
                        forbidden == null
                                ? List.of()
                                : Arrays.stream(forbidden.split("\\|"))
                                        .map(String::strip)
                                        .filter(v -> !v.isEmpty())
                                        .toList(),
                        null));
            }
            return entries;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException("malformed-csv", "The CSV cannot be read: " + e.getMessage());
        }
    }

    public static void write(List<TbxWriter.Row> rows, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(COLUMNS.toArray(String[]::new))
                        .get())) {
            for (TbxWriter.Row row : rows) {
                csv.printRecord(
                        row.sourceLanguage().value(),
                        row.targetLanguage().value(),
                        row.sourceTerm(),
                        row.targetTerm(),
                        row.partOfSpeech(),
                        row.note(),
                        String.join(" | ", row.forbidden()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LanguageTag language(
            CSVRecord record, Map<String, String> header, String column, LanguageTag given, String at) {
        String value = value(record, header, column);
        if (value == null) {
            return given;
        }
        return Languages.of(value, at);
    }

    private static String value(CSVRecord record, Map<String, String> header, String column) {
        String name = header.get(column);
        if (name == null || !record.isSet(name)) {
            return null;
        }
        String value = record.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
