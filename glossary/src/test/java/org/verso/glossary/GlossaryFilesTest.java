package org.verso.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.DomainException;
import org.verso.library.LanguageTag;
import org.verso.library.TooLargeException;
import org.verso.library.UnsupportedTypeException;
import org.verso.library.testing.TempDirs;

/** TBX and CSV import (reports, all or nothing, hostile XML) and export, on H2. */
@SpringBootTest(classes = GlossaryTestApplication.class)
class GlossaryFilesTest {
    static final LanguageTag EN = LanguageTag.of("en");
    static final LanguageTag RU = LanguageTag.of("ru");
    static final LanguageTag HU = LanguageTag.of("hu");
    static final LanguageTag UK = LanguageTag.of("uk");

    @Autowired
    GlossaryFiles files;

    @Autowired
    Glossary glossary;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add(
                "verso.data-dir", () -> TempDirs.create("verso-glossary-files-").toString());
    }

    ImportReport load(String name, String content, LanguageTag source, LanguageTag target) {
        return files.importFile(
                name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), source, target);
    }

    static void refused(Runnable importing, String code) {
        assertThatThrownBy(importing::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    static Path corpus(String relative) {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus");
        Path file = dir.normalize().resolve(relative);
        if (!Files.isRegularFile(file)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("the corpus lacks " + file);
            }
            Assumptions.abort("skipped: the test corpus is absent at " + file + " (set VERSO_TEST_CORPUS)");
        }
        return file;
    }

    @Test
    void theCorpusTbxIsImportedWithItsDoctypeNeverReadAndThenReportedUnchanged() throws IOException {
        byte[] tbx = Files.readAllBytes(corpus("translation/other/test01.tbx"));
        ImportReport report = files.importFile("test01.tbx", new ByteArrayInputStream(tbx), null, null);
        assertThat(report.format()).isEqualTo("tbx");
        assertThat(report.added()).isEqualTo(1);
        Term term = glossary.list(EN, HU, "alpha smoothing", 1, 10).items().get(0);
        assertThat(term.targetTerm()).isEqualTo("Alfa simítási tényező");
        assertThat(term.partOfSpeech()).isEqualTo("noun");
        assertThat(term.note()).startsWith("A value between 0 and 1");

        ImportReport again = files.importFile("test01.tbx", new ByteArrayInputStream(tbx), null, null);
        assertThat(again.added()).isZero();
        assertThat(again.lines()).extracting(ImportReport.Line::reason).containsExactly("unchanged");
    }

    @Test
    void anExportedPairReadsBackUnchangedAsTbxAndAsCsv() {
        String t = Long.toString(System.nanoTime(), 36);
        glossary.add(new TermDraft(
                EN, UK, "torture " + t, "катування " + t, "noun", "CAT, art. 1 & 2 <ok>", List.of("тортури " + t)));
        glossary.add(new TermDraft(EN, UK, "right to life " + t, "право на життя " + t, null, null, List.of()));

        ByteArrayOutputStream tbx = new ByteArrayOutputStream();
        files.writeTbx(EN, UK, tbx);
        assertThat(tbx.toString(StandardCharsets.UTF_8))
                .contains("<martif", "deprecatedTerm-admn-sts", "&amp; 2 &lt;ok&gt;");
        ImportReport fromTbx = files.importFile("uk.tbx", new ByteArrayInputStream(tbx.toByteArray()), null, null);
        assertThat(fromTbx.skipped()).isEqualTo(fromTbx.lines().size());
        assertThat(fromTbx.lines()).extracting(ImportReport.Line::reason).containsOnly("unchanged");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        files.writeCsv(EN, UK, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("source_language,target_language,source_term");
        ImportReport fromCsv = files.importFile("uk.csv", new ByteArrayInputStream(csv.toByteArray()), null, null);
        assertThat(fromCsv.lines())
                .hasSize(2)
                .extracting(ImportReport.Line::reason)
                .containsOnly("unchanged");
    }

    @Test
    void aCsvImportReportsAddedUpdatedAndSkippedWithReasons() {
        String t = Long.toString(System.nanoTime(), 36);
        glossary.add(new TermDraft(EN, RU, "asylum " + t, "убежище " + t, null, null, List.of()));
        ImportReport report = load(
                "terms.csv",
                "Source Term,target_term,note,forbidden\n"
                        + "asylum " + t + ",убежище " + t + ",UNHCR usage,приют " + t + "\n"
                        + "refugee " + t + ",беженец " + t + ",,\n"
                        + "refugee " + t + ",беженец " + t + ",,\n"
                        + "stateless " + t + ",,,\n",
                EN,
                RU);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.lines())
                .extracting(ImportReport.Line::outcome)
                .containsExactly("updated", "added", "skipped", "skipped");
        assertThat(report.lines().get(2).reason()).contains("earlier in the file");
        assertThat(report.lines().get(3).reason()).contains("target term is empty");
        assertThat(report.lines().get(3).at()).isEqualTo("line 5");
        assertThat(glossary.list(EN, RU, "asylum " + t, 1, 10).items().get(0).forbidden())
                .containsExactly("приют " + t);
    }

    @Test
    void aBadFileIsRefusedWithItsOwnCodeAndNothingOfItIsImported() {
        String t = Long.toString(System.nanoTime(), 36);
        String good = "<termEntry><langSet xml:lang=\"en\"><tig><term>good " + t + "</term></tig></langSet>"
                + "<langSet xml:lang=\"ru\"><tig><term>хорошо " + t + "</term></tig></langSet></termEntry>";
        refused(
                () -> load("x.tbx", "<martif xml:lang=\"en\"><text><body>" + good + "<termEntry>", null, null),
                "malformed-tbx");
        refused(
                () -> load(
                        "x.tbx",
                        "<martif xml:lang=\"en\"><text><body>" + good
                                + "<termEntry><langSet xml:lang=\"not a language\"><tig><term>x</term></tig></langSet></termEntry>"
                                + "</body></text></martif>",
                        null,
                        null),
                "unknown-language");
        refused(
                () -> load("x.csv", "source_term,target_term\n\"good " + t + "\",хорошо\n\"broken,x\n", EN, RU),
                "malformed-csv");
        refused(() -> load("x.csv", "source,target\ngood " + t + ",хорошо\n", EN, RU), "csv-missing-column");
        refused(
                () -> load("x.csv", "source_term,target_term\ngood " + t + ",хорошо\n", null, null),
                "csv-missing-column");
        refused(() -> load("x.tbx", "<html><body/></html>", null, null), "not-tbx");
        refused(() -> load("x.pdf", "%PDF-1.4 ...", null, null), "unsupported-glossary-format");
        assertThatThrownBy(() -> files.importFile(
                        "big.csv", new ByteArrayInputStream(new byte[GlossaryFiles.MAX_BYTES + 1]), EN, RU))
                .isInstanceOf(TooLargeException.class);
        assertThat(glossary.list(null, null, t, 1, 10).total()).isZero();
        assertThat(UnsupportedTypeException.class).isNotNull();
    }

    @Test
    void externalEntitiesAndDtdsAreNeverFetchedAndEntityDeclarationsAreRefused() throws IOException {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "<!ENTITY leak \"leaked\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.dtd";
            Path secret = Files.createTempFile("verso-secret-", ".txt");
            Files.writeString(secret, "secret-content");
            String body = "<text><body><termEntry><langSet xml:lang=\"en\"><tig><term>a &xxe;</term></tig></langSet>"
                    + "<langSet xml:lang=\"ru\"><tig><term>б</term></tig></langSet></termEntry></body></text></martif>";
            refused(
                    () -> load(
                            "x.tbx",
                            "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                                    + "\">]><martif xml:lang=\"en\">" + body,
                            null,
                            null),
                    "xml-entities-refused");
            refused(
                    () -> load(
                            "x.tbx",
                            "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY xxe SYSTEM \"" + url
                                    + "\">]><martif xml:lang=\"en\">" + body,
                            null,
                            null),
                    "xml-entities-refused");
            refused(
                    () -> load(
                            "x.tbx",
                            "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY % p SYSTEM \"" + url
                                    + "\"> %p;]><martif xml:lang=\"en\">" + body,
                            null,
                            null),
                    "xml-entities-refused");
            StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY xxe \"lol\">");
            for (int i = 1; i < 10; i++) {
                laughs.append("<!ENTITY lol").append(i).append(" \"&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;\">");
            }
            refused(
                    () -> load("x.tbx", laughs + "]><martif xml:lang=\"en\">" + body, null, null),
                    "xml-entities-refused");
            // an external DTD is never fetched: the file imports as if it had none
            ImportReport report = load(
                    "x.tbx",
                    "<?xml version=\"1.0\"?><!DOCTYPE martif SYSTEM \"" + url + "\"><martif xml:lang=\"en\">"
                            + body.replace(" &xxe;", " dtd-test"),
                    null,
                    null);
            assertThat(report.added()).isEqualTo(1);
            assertThat(fetched).hasValue(0);
        } finally {
            server.stop(0);
        }
    }
}
