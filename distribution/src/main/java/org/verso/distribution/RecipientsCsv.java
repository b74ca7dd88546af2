package org.verso.distribution;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.library.DomainException;
import org.verso.library.LanguageTag;

/**
 * Recipients in and out as CSV: UTF-8 (a byte-order mark is allowed), a header row naming the columns {@link
 * #COLUMNS} in any order ({@code name}, {@code kind} and {@code language} required), {@code parent} naming another
 * recipient by name (already known, or a row of the same file). An import is all or nothing: one bad row and nothing
 * is imported; a preview shows the rows and every row's error without importing.
 */
@Service
public class RecipientsCsv {
    public static final List<String> COLUMNS =
            List.of("name", "kind", "parent", "region", "city", "address", "contacts", "language");
    private static final Set<String> REQUIRED = Set.of("name", "kind", "language");
    private final Recipients recipients;

    RecipientsCsv(Recipients recipients) {
        this.recipients = recipients;
    }

    /** One data row as read, and its line in the file. */
    public record Row(int line, Map<String, String> values) {}

    /** What is wrong with one row. */
    public record RowError(int line, String code, String message) {}

    /** What an import did or (when {@code preview}) would do. */
    public record Outcome(boolean preview, List<Row> rows, List<RowError> errors, int imported) {}

    /**
     * Reads the file; without errors and unless {@code preview}, imports every row in one transaction. Throws {@link
     * DistributionInputInvalid} {@code csv-encoding} (not UTF-8), {@code csv-columns} (a column unknown or missing)
     * and, when importing, {@code csv-rows-invalid} with every row's error ({@code errors}).
     */
    @Transactional
    public Outcome importCsv(byte[] file, boolean preview) {
        List<Row> rows = read(decode(file));
        Map<Integer, NewRecipientDraft> drafts = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Row row : rows) {
            try {
                var draft = draft(row);
                Integer earlier = names.putIfAbsent(Recipients.nameKey(draft.name()), row.line());
                if (earlier != null) {
                    errors.add(new RowError(
                            row.line(),
                            "duplicate-recipient",
                            "the name repeats line " + earlier + ": " + draft.name()));
                } else if (recipients.findByName(draft.name()).isPresent()) {
                    errors.add(new RowError(
                            row.line(), "recipient-exists", "there is already a recipient named " + draft.name()));
                } else {
                    drafts.put(row.line(), draft);
                }
            } catch (DomainException e) {
                errors.add(new RowError(row.line(), e.code(), e.getMessage()));
            }
        }
        Map<String, RecipientId> known = new HashMap<>();
        List<NewRecipientDraft> order = order(drafts, names, known, errors);
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        if (preview) {
            return new Outcome(true, rows, errors, 0);
        }
        if (!errors.isEmpty()) {
            throw new DistributionInputInvalid(
                    "csv-rows-invalid",
                    errors.size() + " rows of the file are wrong; nothing was imported",
                    Map.of(
                            "errors",
                            errors.stream()
                                    .map(e -> Map.of("line", e.line(), "code", e.code(), "message", e.message()))
                                    .toList()));
        }
        for (NewRecipientDraft draft : order) {
            RecipientId parent = draft.parent() == null ? null : known.get(Recipients.nameKey(draft.parent()));
            RecipientId id = recipients.insert(RecipientId.random(), draft.with(parent));
            known.put(Recipients.nameKey(draft.name()), id);
        }
        return new Outcome(false, rows, List.of(), order.size());
    }

    /** Every recipient, parents before their children. */
    @Transactional(readOnly = true)
    public void export(Writer out) {
        List<Recipient> all = recipients.all();
        Map<RecipientId, String> namesById = new HashMap<>();
        all.forEach(r -> namesById.put(r.id(), r.name()));
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get()
                .print(out)) {
            for (Recipient.Node root : recipients.tree()) {
                print(printer, root, namesById);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter printer, Recipient.Node node, Map<RecipientId, String> names)
            throws IOException {
        Recipient r = node.recipient();
        printer.printRecord(
                r.name(),
                r.kind().code(),
                r.parent() == null ? "" : names.get(r.parent()),
                nz(r.region()),
                nz(r.city()),
                nz(r.address()),
                nz(r.contacts()),
                r.language().value());
        for (Recipient.Node child : node.children()) {
            print(printer, child, names);
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /** Orders the drafts so that parents come first; reports unknown parents and cycles. */
    private List<NewRecipientDraft> order(
            Map<Integer, NewRecipientDraft> drafts,
            Map<String, Integer> inFile,
            Map<String, RecipientId> known,
            List<RowError> errors) {
        List<NewRecipientDraft> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<NewRecipientDraft> waiting = new ArrayList<>();
        for (var draft : drafts.values()) {
            if (draft.parent() == null) {
                continue;
            }
            String parentKey = Recipients.nameKey(draft.parent());
            if (!inFile.containsKey(parentKey)) {
                recipients
                        .findByName(draft.parent())
                        .ifPresentOrElse(
                                p -> known.put(parentKey, p.id()),
                                () -> errors.add(new RowError(
                                        draft.line(), "unknown-parent", "no recipient is named " + draft.parent())));
            }
        }
        waiting.addAll(drafts.values());
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                var draft = it.next();
                String parentKey = draft.parent() == null ? null : Recipients.nameKey(draft.parent());
                if (parentKey == null || known.containsKey(parentKey) || placed.contains(parentKey)) {
                    order.add(draft);
                    placed.add(Recipients.nameKey(draft.name()));
                    it.remove();
                    progress = true;
                }
            }
        }
        for (var draft : waiting) {
            boolean reported = errors.stream().anyMatch(e -> e.line() == draft.line());
            if (!reported) {
                errors.add(new RowError(
                        draft.line(), "unknown-parent", "the parent " + draft.parent() + " cannot be imported"));
            }
        }
        return order;
    }

    private static NewRecipientDraft draft(Row row) {
        Map<String, String> v = row.values();
        var recipient = new NewRecipient(
                v.get("name"),
                v.get("kind") == null || v.get("kind").isBlank() ? null : RecipientKind.parse(v.get("kind")),
                null,
                v.get("region"),
                v.get("city"),
                v.get("address"),
                v.get("contacts"),
                LanguageTag.ofNullable(v.get("language")));
        String parent = v.get("parent") == null || v.get("parent").isBlank()
                ? null
                : v.get("parent").strip();
        if (parent != null && Recipients.nameKey(parent).equals(Recipients.nameKey(recipient.name()))) {
            throw new DistributionInputInvalid("unknown-parent", "a recipient cannot be its own parent");
        }
        return new NewRecipientDraft(row.line(), recipient, parent);
    }

    /** A row's recipient before its parent is known by id. */
    private record NewRecipientDraft(int line, NewRecipient recipient, String parent) {
        String name() {
            return recipient.name();
        }

        NewRecipient with(RecipientId parentId) {
            return new NewRecipient(
                    recipient.name(),
                    recipient.kind(),
                    parentId,
                    recipient.region(),
                    recipient.city(),
                    recipient.address(),
                    recipient.contacts(),
                    recipient.language());
        }
    }

    private static String decode(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DistributionInputInvalid(
                    "csv-encoding", "the file is not UTF-8 text; save it as CSV UTF-8 and import it again");
        }
    }

    private static List<Row> read(String text) {
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                    .toList();
            List<String> unknown =
                    header.stream().filter(h -> !COLUMNS.contains(h)).toList();
            List<String> missing =
                    REQUIRED.stream().filter(c -> !header.contains(c)).sorted().toList();
            if (header.isEmpty()
                    || !unknown.isEmpty()
                    || !missing.isEmpty()
                    || header.size() != Set.copyOf(header).size()) {
                throw new DistributionInputInvalid(
                        "csv-columns",
                        "the header row must name the columns " + String.join(", ", COLUMNS) + " (unknown: " + unknown
                                + ", missing: " + missing + ")",
                        Map.of("unknown", unknown, "missing", missing, "expected", COLUMNS));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(new Row((int) record.getRecordNumber() + 1, values));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new DistributionInputInvalid("csv-unreadable", "the file is not readable CSV: " + e.getMessage());
        }
    }
}
