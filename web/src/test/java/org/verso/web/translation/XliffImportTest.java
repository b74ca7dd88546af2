package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountId;
import org.verso.library.TooLargeException;
import org.verso.translation.OfflineWork;
import org.verso.translation.TranslationId;
import tools.jackson.databind.JsonNode;

/**
 * XLIFF out and back over the API: lossless round trips in both versions, unit outcomes (updated, unchanged,
 * conflict, rejected with reasons), and every bad file refused with its own problem while the segments stay byte for
 * byte as they were.
 */
class XliffImportTest extends XliffTestBase {
    private static final Pattern TARGET = Pattern.compile("(<target[^>]*>)(.*?)(</target>)", Pattern.DOTALL);

    @Autowired
    OfflineWork offline;

    /** Every target's text changed (letters shifted to Cyrillic), its codes kept. */
    static String translateAll(String xliff) {
        Matcher m = TARGET.matcher(xliff);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + cyrillic(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Latin letters outside tags and entities become Cyrillic ones. */
    static String cyrillic(String xml) {
        StringBuilder out = new StringBuilder();
        boolean inTag = false;
        boolean inEntity = false;
        for (char c : xml.toCharArray()) {
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (c == '&') {
                inEntity = true;
            } else if (c == ';') {
                inEntity = false;
            }
            out.append(!inTag && !inEntity && c >= 'a' && c <= 'z' ? (char) ('а' + (c - 'a')) : c);
        }
        return out.toString();
    }

    /** The same for Verso markup (its elements and entities keep their letters). */
    static String cyrillicMarkup(String markup) {
        return cyrillic(markup);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "2.0"})
    void aTranslatedFileComesBackIntoEverySegmentWithItsCodes(String version) {
        Claimed t = claimed("ru");
        JsonNode before = segmentList(t.holder(), t.id());
        assertThat(before.toString()).contains("<g id=");
        String xliff = text(export(t.holder(), t.id(), "?version=" + version));
        assertThat(xliff).contains(version.equals("2.0") ? "<pc id=" : "<g id=");
        if (version.equals("2.0")) { // the codes' original data, kept at segmentation (a DOCX run's reference)
            assertThat(xliff).containsPattern("<originalData><data id=\"o\\d+\">&lt;run\\d+&gt;</data>");
            assertThat(xliff).containsPattern("<pc id=\"\\d+\" dataRefStart=\"o\\d+\" dataRefEnd=\"c\\d+\">");
        }

        var response = upload(t.holder(), t.id(), translateAll(xliff).getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("version").asString()).isEqualTo(version);
        assertThat(report.get("updated").asInt()).isEqualTo(before.size());
        assertThat(report.get("rejected").asInt()).isZero();
        JsonNode after = segmentList(t.holder(), t.id());
        for (int i = 0; i < before.size(); i++) {
            String source = before.get(i).get("source").asString();
            assertThat(after.get(i).get("target").asString()).isEqualTo(cyrillicMarkup(source));
            assertThat(after.get(i).get("status").asString()).isEqualTo("translated");
            assertThat(after.get(i).get("version").asInt()).isEqualTo(1);
        }
        // the save path's history has the import, like a save in the editor
        var history = t.holder()
                .http()
                .get("/api/translations/" + t.id() + "/segments/"
                        + before.get(0).get("id").asString() + "/history");
        assertThat(history.json().get("items").size()).isEqualTo(1);

        // the same file again changes nothing: its units are of the versions before the import
        var again = upload(t.holder(), t.id(), translateAll(xliff).getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(before.size());
    }

    @Test
    void aSegmentSavedInVersoAfterTheExportIsAConflictAndKept() {
        Claimed t = claimed("ru");
        JsonNode segments = segmentList(t.holder(), t.id());
        String xliff = text(export(t.holder(), t.id(), ""));
        JsonNode first = segments.get(0);
        String typed = cyrillicMarkup(first.get("source").asString()) + " (typed)";
        assertThat(save(
                                t.holder(),
                                t.id(),
                                first,
                                typed,
                                "translated",
                                first.get("version").asInt())
                        .status())
                .isEqualTo(200);

        var response = upload(t.holder(), t.id(), translateAll(xliff).getBytes(StandardCharsets.UTF_8));

        JsonNode report = response.json();
        assertThat(report.get("conflicts").asInt()).isEqualTo(1);
        assertThat(report.get("updated").asInt()).isEqualTo(segments.size() - 1);
        JsonNode conflict = report.get("units").get(0);
        assertThat(conflict.get("outcome").asString()).isEqualTo("conflict");
        assertThat(conflict.get("reason").asString()).isEqualTo("changed-since-export");
        assertThat(conflict.get("segment").asString()).isEqualTo(first.get("id").asString());
        assertThat(segmentList(t.holder(), t.id()).get(0).get("target").asString())
                .isEqualTo(typed);
    }

    @Test
    void unitsWithBrokenCodesAnEditedSourceOrAnUnknownIdAreRejectedAndTheRestIsSaved() {
        Claimed t = claimed("ru");
        JsonNode before = segmentList(t.holder(), t.id());
        assertThat(before.size()).isEqualTo(4);
        String xliff = translateAll(text(export(t.holder(), t.id(), "")));
        List<String> units = new ArrayList<>(List.of(xliff.split("(?=<trans-unit )")));
        // unit 1: its pair of codes deleted from the target; unit 3: its code duplicated; unit 2: source edited
        units.set(1, deleteCodesOfTarget(units.get(1)));
        units.set(3, duplicateCodeInTarget(units.get(3)));
        units.set(2, units.get(2).replaceFirst("(<source[^>]*>)", "$1Edited: "));
        String unknown = units.get(2).replaceFirst("seg-[0-9a-f-]{36}", "seg-00000000-0000-4000-8000-000000000000");
        units.add(units.size() - 1, unknown.substring(0, unknown.indexOf("</trans-unit>") + 13) + "\n");
        String broken = String.join("", units);

        JsonNode report = upload(t.holder(), t.id(), broken.getBytes(StandardCharsets.UTF_8))
                .json();

        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        report.get("units")
                .forEach(u -> reasons.put(
                        u.get("unit").asString(),
                        u.get("outcome").asString() + " "
                                + (u.hasNonNull("reason") ? u.get("reason").asString() : "")));
        assertThat(reasons.values())
                .containsExactly(
                        "rejected codes",
                        "rejected source-changed",
                        "rejected codes",
                        "rejected unknown-unit",
                        "updated ");
        assertThat(report.get("updated").asInt()).isOne();
        assertThat(report.get("units").get(0).get("detail").asString()).contains("missing");
        assertThat(report.get("units").get(3).get("line").asInt()).isPositive();
        JsonNode after = segmentList(t.holder(), t.id());
        for (int i = 0; i < 3; i++) {
            assertThat(after.get(i).get("target").asString())
                    .isEqualTo(before.get(i).get("target").asString());
            assertThat(after.get(i).get("version").asInt()).isZero();
        }
        assertThat(after.get(3).get("target").asString())
                .isEqualTo(cyrillicMarkup(before.get(3).get("source").asString()));
    }

    static String deleteCodesOfTarget(String unit) {
        Matcher m = TARGET.matcher(unit);
        assertThat(m.find()).as(unit).isTrue();
        assertThat(m.group(2)).contains("<g id=");
        return unit.substring(0, m.start(2)) + m.group(2).replaceAll("</?g[^>]*>", "") + unit.substring(m.end(2));
    }

    static String duplicateCodeInTarget(String unit) {
        Matcher m = TARGET.matcher(unit);
        assertThat(m.find()).as(unit).isTrue();
        Matcher g = Pattern.compile("<g id=\"\\d+\">.*?</g>").matcher(m.group(2));
        assertThat(g.find()).as(unit).isTrue();
        return unit.substring(0, m.start(2)) + m.group(2) + " " + g.group() + unit.substring(m.end(2));
    }

    @Test
    void badFilesAreRefusedWithTheirProblemAndChangeNothing() throws IOException {
        Claimed t = claimed("ru");
        Claimed other = claimed("ru");
        Claimed uk = claimed(t.document(), "uk", "en");
        String own = translateAll(text(export(t.holder(), t.id(), "")));
        String before = segmentsText(t.holder(), t.id());
        Path corpus = Path.of("")
                .toAbsolutePath()
                .getParent()
                .resolve("../shared/corpus/translation/invalid")
                .normalize();

        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var list = Files.list(corpus)) {
            list.sorted().forEach(f -> files.put(f.getFileName().toString(), read(f)));
        }
        assertThat(files).hasSize(8);
        files.put(
                "another document",
                translateAll(text(export(other.holder(), other.id(), ""))).getBytes());
        files.put(
                "another language",
                translateAll(text(export(uk.holder(), uk.id(), ""))).getBytes());
        files.put(
                "external entity",
                own.replaceFirst("\\?>", "?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
                        .replaceFirst("(<target[^>]*>)", "$1&e;")
                        .getBytes());
        files.put(
                "external DTD",
                own.replaceFirst("\\?>", "?>\n<!DOCTYPE xliff SYSTEM \"http://127.0.0.1:9/x.dtd\">")
                        .getBytes());
        files.put("zip", zip(own));
        files.put("empty", new byte[0]);
        files.put("truncated", own.substring(0, own.length() / 2).getBytes(StandardCharsets.UTF_8));
        files.put("html", "<html><body>not xliff</body></html>".getBytes());

        Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (var file : files.entrySet()) {
            var response = upload(t.holder(), t.id(), file.getValue());
            assertThat(response.status())
                    .as(file.getKey() + ": " + response.body())
                    .isEqualTo(400);
            codes.put(file.getKey(), response.problemCode());
            assertThat(segmentsText(t.holder(), t.id())).as(file.getKey()).isEqualTo(before);
        }
        assertThat(codes)
                .containsExactly(
                        Map.entry("symfony_invalid-xml.xlf", "xliff-malformed"),
                        Map.entry("symfony_non-valid.xlf", "xliff-invalid"),
                        Map.entry("xliff20_bad_DataIdNotUnique.xlf", "xliff-invalid"),
                        Map.entry("xliff20_bad_InvalidFragIdSyntax.xlf", "xliff-invalid"),
                        Map.entry("xliff20_bad_InvalidStateValue.xlf", "xliff-invalid"),
                        Map.entry("xliff20_bad_NoTrgLang.xlf", "xliff-invalid"),
                        Map.entry("xliff20_bad_SegmentWithoutSource.xlf", "xliff-invalid"),
                        Map.entry("xliff20_bad_TwoSourceInUnit.xlf", "xliff-invalid"),
                        Map.entry("another document", "xliff-other-document"),
                        Map.entry("another language", "xliff-wrong-language"),
                        Map.entry("external entity", "xliff-external-entity"),
                        Map.entry("external DTD", "xliff-dtd"),
                        Map.entry("zip", "not-xliff"),
                        Map.entry("empty", "xliff-empty"),
                        Map.entry("truncated", "xliff-malformed"),
                        Map.entry("html", "not-xliff"));
        var malformed =
                upload(t.holder(), t.id(), files.get("symfony_invalid-xml.xlf")).json();
        assertThat(malformed.get("line").asInt()).isEqualTo(8);
        assertThat(malformed.get("detail").asString()).contains("line 8");
    }

    @Test
    void aFileOverOneHundredMegabytesIsRefusedWithoutBeingKept() {
        Claimed t = claimed("ru");
        String before = segmentsText(t.holder(), t.id());
        TranslationId id = new TranslationId(java.util.UUID.fromString(t.id()));
        AccountId holder = t.holder().account().id();
        // the size the upload declares is enough: nothing is read
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.importXliff(
                        id, new ByteArrayInputStream(new byte[0]), OfflineWork.MAX_UPLOAD_BYTES + 1, holder))
                .isInstanceOfSatisfying(
                        TooLargeException.class, e -> assertThat(e.code()).isEqualTo("xliff-too-large"));
        // a stream of unknown size is cut at the limit: generated, never held in memory or in the repository
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served[0] += len;
                return len;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.importXliff(id, endless, -1, holder))
                .isInstanceOf(TooLargeException.class);
        assertThat(served[0])
                .isGreaterThan(OfflineWork.MAX_UPLOAD_BYTES)
                .isLessThan(OfflineWork.MAX_UPLOAD_BYTES + (1 << 20));
        assertThat(segmentsText(t.holder(), t.id())).isEqualTo(before);
    }

    @Test
    void theHolderOrACoordinatorExportsAndOnlyTheHolderImports() {
        Claimed t = claimed("ru");
        Person stranger = translator("Pavel", "ru");
        String xliff = text(export(t.coordinator(), t.id(), "?version=2.0&status=untranslated"));
        assertThat(xliff).contains("verso:selection=\"untranslated\"");
        var denied = stranger.http().get("/api/translations/" + t.id() + "/xliff");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.problemCode()).isEqualTo("holder-or-coordinator");
        var coordinatorImport =
                upload(t.coordinator(), t.id(), translateAll(xliff).getBytes(StandardCharsets.UTF_8));
        assertThat(coordinatorImport.status()).isEqualTo(403);
        assertThat(coordinatorImport.problemCode()).isEqualTo("holder-only");
        assertThat(t.holder()
                        .http()
                        .get("/api/translations/" + t.id() + "/xliff?version=3")
                        .problemCode())
                .isEqualTo("invalid-xliff-version");
        assertThat(t.holder()
                        .http()
                        .get("/api/translations/" + t.id() + "/xliff?status=done")
                        .problemCode())
                .isEqualTo("invalid-xliff-status");
        var missing = t.holder()
                .http()
                .send("POST", "/api/translations/" + t.id() + "/xliff", "multipart/form-data; boundary=x", "--x--\r\n");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void filteredExportsHoldOnlyUntranslatedOrRejectedSegmentsWithTheReviewersComment() {
        Claimed t = claimed("ru");
        JsonNode segments = segmentList(t.holder(), t.id());
        for (JsonNode s : segments) {
            assertThat(save(
                                    t.holder(),
                                    t.id(),
                                    s,
                                    cyrillicMarkup(s.get("source").asString()),
                                    "translated",
                                    0)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(t.holder()
                        .http()
                        .postJson("/api/translations/" + t.id() + "/submit", "")
                        .status())
                .isEqualTo(200);
        var rejected = t.coordinator()
                .http()
                .postJson(
                        "/api/translations/" + t.id() + "/segments/"
                                + segments.get(1).get("id").asString() + "/review",
                        Map.of("decision", "reject", "comment", "Use «достоинство»."));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        String onlyRejected = text(export(t.holder(), t.id(), "?status=rejected"));
        assertThat(onlyRejected.split("<trans-unit ").length - 1).isEqualTo(1);
        assertThat(onlyRejected)
                .contains(
                        segments.get(1).get("id").asString(),
                        "Use «достоинство».",
                        "state=\"needs-review-translation\"");
        assertThat(text(export(t.holder(), t.id(), "?status=untranslated"))).doesNotContain("<trans-unit ");
        String all20 = text(export(t.coordinator(), t.id(), "?version=2.0"));
        assertThat(all20).contains("subState=\"verso:rejected\"", "state=\"translated\"");

        // fixing the rejected segment offline while in review: it is updated, the others are not touched
        String fixed = onlyRejected.replaceFirst("(<target[^>]*>)", "$1Исправлено: ");
        JsonNode report = upload(t.holder(), t.id(), fixed.getBytes(StandardCharsets.UTF_8))
                .json();
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(segmentList(t.holder(), t.id()).get(1).get("status").asString())
                .isEqualTo("translated");
    }

    @Test
    void theOfflinePackageHoldsTheXliffAndAReadmeInTheTranslatorsLanguage() throws IOException {
        Claimed t = claimed(document(PARAGRAPH), "ru", "ru");
        byte[] zip = download(t.holder().account().username(), "/api/translations/" + t.id() + "/package");
        Map<String, String> entries = unzip(zip);
        assertThat(entries.keySet()).startsWith("charter.ru.xlf", "README.txt");
        assertThat(entries.get("README.txt")).contains("OmegaT", "charter.ru.xlf", "Импорт XLIFF");
        assertThat(entries.get("charter.ru.xlf")).contains("verso:translation=\"" + t.id() + "\"");
        byte[] english = download(t.coordinator().account().username(), "/api/translations/" + t.id() + "/package");
        assertThat(unzip(english).get("README.txt")).contains("Import XLIFF", "Create Translated Documents");
    }

    @Test
    void theOfflinePackageCarriesTheGlossaryOfTheTranslationsLanguagePair() throws IOException {
        String word = "quokka" + Long.toString(System.nanoTime(), 36);
        var added = coordinator()
                .http()
                .postJson(
                        "/api/glossary/terms",
                        Map.of(
                                "sourceLanguage",
                                "en",
                                "targetLanguage",
                                "ru",
                                "sourceTerm",
                                word,
                                "targetTerm",
                                "квокка-" + word));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        Claimed t = claimed(document(PARAGRAPH), "ru", "ru");

        Map<String, String> entries =
                unzip(download(t.holder().account().username(), "/api/translations/" + t.id() + "/package"));

        assertThat(entries).containsKey("glossary.tbx");
        assertThat(entries.get("glossary.tbx")).contains(word, "квокка-" + word, "xml:lang=\"ru\"");
    }

    @Test
    void theTranslationPageOffersExportPackageAndImportInBothLanguages() {
        Claimed t = claimed(document(PARAGRAPH), "ru", "ru");
        var russian = t.holder().http().get("/translations/" + t.id());
        assertThat(russian.status()).isEqualTo(200);
        assertThat(russian.body())
                .contains("id=\"t-xliff-12\"", "id=\"t-xliff-20\"", "id=\"t-xliff-package\"", "id=\"t-xliff-import\"")
                .contains(
                        "Экспорт XLIFF 1.2",
                        "Импорт XLIFF",
                        "только отклонённые",
                        "/translations/" + t.id() + "/xliff.json");
        var english = t.coordinator().http().get("/translations/" + t.id());
        assertThat(english.body()).contains("Export XLIFF 2.0", "Offline package (ZIP)", "Import XLIFF");
        // the page's own download route (the session's, not the API's)
        var page = t.holder().http().get("/translations/" + t.id() + "/xliff?version=2.0&status=untranslated");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("urn:oasis:names:tc:xliff:document:2.0", "verso:selection=\"untranslated\"");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static byte[] zip(String xliff) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("back.xlf"));
            out.write(xliff.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
