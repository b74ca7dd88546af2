package org.verso.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.TooLargeException;
import org.verso.library.testing.TempDirs;

/** TMX in and out, on an H2 file database: the corpus's real English→Russian memory, round trips, and bad files. */
@SpringBootTest(classes = MemoryTestApplication.class)
class TmxFilesTest {
    static final Path DATA_DIR = TempDirs.create("verso-memory-tmx-test");
    static final LanguageTag EN = LanguageTag.of("en");
    static final LanguageTag RU = LanguageTag.of("ru-RU");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    @Autowired
    TranslationMemory memory;

    @Autowired
    TmxFiles tmx;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void empty() {
        db.sql("DELETE FROM memory_unit").update();
        memory.rebuild();
    }

    static TmxUpload file(String name, String xml) {
        return new TmxUpload(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    static String tmx(String body) {
        return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" creationtool=\"t\""
                + " creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" datatype=\"plaintext\"/>"
                + "<body>" + body + "</body></tmx>";
    }

    static String tu(String en, String ru) {
        return "<tu><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"ru\"><seg>" + ru
                + "</seg></tuv></tu>";
    }

    long stored() {
        return db.sql("SELECT COUNT(*) FROM memory_unit").query(Long.class).single();
    }

    @Test
    void theCorpusEnglishRussianMemoryIsImportedAndMatched() {
        ImportReport report = tmx.importFiles(
                List.of(new TmxUpload("omegat-l10n_en-ru.tmx", Corpus.bytes("translation/tmx/omegat-l10n_en-ru.tmx"))));

        assertThat(report.added()).isGreaterThan(3000);
        assertThat(report.added() + report.updated() + report.skipped()).isEqualTo(3029);
        assertThat(stored()).isEqualTo(report.added());
        assertThat(memory.matches(MatchQuery.of("\"Aligner\" aligner utility", EN, RU, 3)))
                .first()
                .satisfies(m -> {
                    assertThat(m.score()).isEqualTo(100);
                    assertThat(m.unit().target()).isEqualTo("Выравниватель параллельного текста «Aligner»");
                    assertThat(m.unit().provenance().translatorName()).isEqualTo("abashkinl");
                    assertThat(m.unit().provenance().note()).isEqualTo("omegat-l10n_en-ru.tmx");
                });
        assertThat(memory.matches(
                        MatchQuery.of("\"Non-unique segment\" covers both default and other translations.", EN, RU, 3)))
                .first()
                .satisfies(m -> assertThat(m.score()).isEqualTo(88));
    }

    @Test
    void exportedUnitsComeBackTheSameCodesIncluded() {
        tmx.importFiles(List.of(file(
                "codes.tmx",
                tmx("<tu><tuv xml:lang=\"en\"><seg>Read <bpt i=\"1\">&lt;b&gt;</bpt>this<ept i=\"1\">&lt;/b&gt;</ept>"
                        + " now<ph x=\"2\">&lt;br/&gt;</ph> &amp; then</seg></tuv>"
                        + "<tuv xml:lang=\"ru\"><seg>Прочтите <bpt i=\"1\"/>это<ept i=\"1\"/> сейчас<ph x=\"2\"/></seg></tuv></tu>"
                        + tu("Peace", "Мир")))));
        var before = db.sql("SELECT source, target FROM memory_unit ORDER BY ordinal")
                .query()
                .listOfRows();
        assertThat(before.get(0).get("source")).isEqualTo("Read <g id=\"1\">this</g> now<x id=\"2\"/> &amp; then");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tmx.export(LanguageTag.of("en"), LanguageTag.of("ru"), null, out);
        db.sql("DELETE FROM memory_unit").update();
        memory.rebuild();
        ImportReport again = tmx.importFiles(List.of(new TmxUpload("export.tmx", out.toByteArray())));

        assertThat(again.added()).isEqualTo(2);
        assertThat(db.sql("SELECT source, target FROM memory_unit ORDER BY ordinal")
                        .query()
                        .listOfRows())
                .isEqualTo(before);
    }

    @Test
    void theReportSaysWhatWasAddedUpdatedAndSkippedAndWhy() {
        ImportReport report = tmx.importFiles(List.of(file(
                "mixed.tmx",
                tmx(tu("Peace", "Мир")
                        + tu("Peace", "Мир")
                        + "<tu><tuv xml:lang=\"en\"><seg>Alone</seg></tuv></tu>"
                        + tu("Empty", "")
                        + "<tu><tuv xml:lang=\"ru\"><seg>Только русский</seg></tuv><tuv xml:lang=\"de\"><seg>Nur"
                        + " Deutsch</seg></tuv></tu>"))));

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(4);
        assertThat(report.skips())
                .extracting(ImportReport.Skip::reason)
                .containsExactlyInAnyOrder("no-target-variant", "empty-segment", "no-source-variant", "duplicate");
    }

    @Test
    void aMalformedFileIsRefusedAndNothingOfTheImportStays() {
        assertThatThrownBy(() -> tmx.importFiles(
                        List.of(file("good.tmx", tmx(tu("Peace", "Мир"))), file("bad.tmx", "<tmx><body><tu><tuv>"))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "tmx-malformed");
        assertThatThrownBy(() -> tmx.importFiles(List.of(file("html.tmx", "<html><body/></html>"))))
                .hasFieldOrPropertyWithValue("code", "tmx-malformed");
        assertThat(stored()).isZero();
    }

    @Test
    void externalEntitiesAreNeitherReadNorAccepted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<tmx version=\"1.4\"><header srclang=\"en\"/><body>" + tu("&xxe;", "Мир") + "</body></tmx>";
        String laughs =
                "<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                        + "<tmx version=\"1.4\"><header srclang=\"en\"/><body>" + tu("&b;", "Мир") + "</body></tmx>";

        for (String bad : List.of(xxe, laughs)) {
            assertThatThrownBy(() -> tmx.importFiles(List.of(file("entities.tmx", bad))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasFieldOrPropertyWithValue("code", "tmx-entities")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET-CONTENT"));
        }
        assertThat(stored()).isZero();
    }

    @Test
    void anExternalDocumentTypeIsNotFetchedAndTheFileIsRead() {
        String withDtd = tmx(tu("Peace", "Мир"))
                .replace("<tmx version", "<!DOCTYPE tmx SYSTEM \"http://127.0.0.1:9/tmx14.dtd\">\n<tmx version");

        assertThat(tmx.importFiles(List.of(file("dtd.tmx", withDtd))).added()).isEqualTo(1);
    }

    @Test
    void anUnknownOrMalformedLanguageIsRefusedByName() {
        assertThatThrownBy(() -> tmx.importFiles(
                        List.of(file("xx.tmx", tmx(tu("Peace", "Мир").replace("\"ru\"", "\"xx\""))))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "tmx-unknown-language")
                .hasMessageContaining("\"xx\"");
        assertThatThrownBy(() -> tmx.importFiles(
                        List.of(file("bad.tmx", tmx(tu("Peace", "Мир").replace("\"ru\"", "\"not a tag\""))))))
                .hasFieldOrPropertyWithValue("code", "tmx-unknown-language");
        assertThat(stored()).isZero();
    }

    @Test
    void aFileAboveTheLimitsIsRefusedWhole() {
        TmxFiles small =
                new TmxFiles(memory, new MemoryProperties(70, DataSize.ofBytes(400), 2, 20_000), Clock.systemUTC());

        assertThatThrownBy(() -> small.importFiles(List.of(file("big.tmx", tmx(tu("Peace", "Мир".repeat(200)))))))
                .isInstanceOf(TooLargeException.class)
                .hasFieldOrPropertyWithValue("code", "tmx-too-large");
        assertThatThrownBy(() ->
                        small.importFiles(List.of(file("many.tmx", tmx(tu("a", "а") + tu("b", "б") + tu("c", "в"))))))
                .isInstanceOf(TooLargeException.class)
                .hasFieldOrPropertyWithValue("code", "tmx-too-large");
        assertThat(stored()).isZero();
    }

    @Test
    void theMatchesOfSomeUnitsAreWrittenAsTmx() {
        tmx.importFiles(List.of(file("a.tmx", tmx(tu("Peace", "Мир") + tu("War", "Война")))));
        var units = memory.matches(MatchQuery.of("Peace", EN, LanguageTag.of("ru"), 1)).stream()
                .map(Match::unit)
                .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        tmx.write(units, out);

        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).contains("<seg>Мир</seg>").doesNotContain("Война").contains("version=\"1.4\"");
    }
}
