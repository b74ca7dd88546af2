package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verso.translation.internal.InlineMarkup;
import org.verso.translation.internal.XliffFile;
import org.verso.translation.internal.XliffHeader;
import org.verso.translation.internal.XliffRead;
import org.verso.translation.internal.XliffReader;
import org.verso.translation.internal.XliffUnit;
import org.verso.translation.internal.XliffWriter;

/**
 * XLIFF files as Verso writes and reads them, without a database: 2.0 passes lib-xliff2's full validation, 1.2 is
 * read by Okapi's XLIFF filter with the same units and codes, both read back to the same markup, and every kind of
 * bad file is refused with its own code and place.
 */
class XliffFilesTest {
    static final XliffHeader HEADER = new XliffHeader(
            "6f1c2b53-6a43-4f0e-9a53-2f2d8a1b7c11", "0e8f7a62-1b2c-4d5e-8f90-a1b2c3d4e5f6", "en", "ru", "all");

    static final List<XliffUnit> UNITS = List.of(
            unit(
                    "seg-11111111-1111-4111-8111-111111111111-v0",
                    "Police must respect <g id=\"1\">human dignity</g>.",
                    "Police must respect <g id=\"1\">human dignity</g>.",
                    "needs-translation",
                    "initial",
                    List.of(
                            new OriginalCode(1, OriginalCode.Role.OPENING, "<w:r><w:rPr><w:b/></w:rPr><w:t>"),
                            new OriginalCode(1, OriginalCode.Role.CLOSING, "</w:t></w:r>"))),
            unit(
                    "seg-22222222-2222-4222-8222-222222222222-v3",
                    "Line<x id=\"2\"/>break &amp; a &lt;tag&gt;",
                    "Строка<x id=\"2\"/>перенос &amp; &lt;тег&gt;",
                    "translated",
                    "translated",
                    List.of(new OriginalCode(2, OriginalCode.Role.STANDALONE, "<w:br/>"))),
            unit(
                    "seg-33333333-3333-4333-8333-333333333333-v1",
                    "Starts <bx id=\"3\"/>bold",
                    "Начало <bx id=\"3\"/>жирного",
                    "needs-review-translation",
                    "initial",
                    List.of(new OriginalCode(3, OriginalCode.Role.OPENING, "<b>"))),
            unit(
                    "seg-44444444-4444-4444-8444-444444444444-v1",
                    "ends<ex id=\"3\"/> here.",
                    "кончается<ex id=\"3\"/>.",
                    "signed-off",
                    "final"),
            unit(
                    "seg-55555555-5555-4555-8555-555555555555-v2",
                    "<bx id=\"4\"/>a<bx id=\"5\"/>b<ex id=\"4\"/>c<ex id=\"5\"/>",
                    "<bx id=\"4\"/>а<bx id=\"5\"/>б<ex id=\"4\"/>в<ex id=\"5\"/>",
                    "translated",
                    "translated"));

    static XliffUnit unit(String id, String source, String target, String state12, String state20) {
        return unit(id, source, target, state12, state20, List.of());
    }

    /** A unit whose codes carry {@code codes} as their original data. */
    static XliffUnit unit(
            String id, String source, String target, String state12, String state20, List<OriginalCode> codes) {
        return new XliffUnit(
                id,
                "0",
                source,
                target,
                state12,
                state12.equals("signed-off"),
                state20,
                state20.equals("initial") ? "verso:new" : null,
                List.of(new XliffUnit.Note("reviewer", "Keep the term \"dignity\" & <b>.")),
                List.of(),
                List.of(),
                codes);
    }

    static byte[] write(boolean version2) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XliffWriter.write(
                version2,
                HEADER,
                List.of(
                        new XliffFile("kit.docx", UNITS.subList(0, 3)),
                        new XliffFile("annex.docx", UNITS.subList(3, 5))),
                "Due soon; ask me.",
                out);
        return out.toByteArray();
    }

    @Test
    void xliff20PassesLibXliff2ValidationWithEveryKindOfCode(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("out.xlf"), write(true));
        String xml = Files.readString(file);
        assertThat(xml)
                .contains(
                        "<ec id=\"3\" isolated=\"yes\"/>", "<sc id=\"4\"/>", "<ec startRef=\"4\"/>", "state=\"final\"");
        // each code's original data, referred to from source and target alike
        assertThat(xml)
                .contains(
                        "<originalData><data id=\"o1\">&lt;w:r&gt;&lt;w:rPr&gt;&lt;w:b/&gt;&lt;/w:rPr&gt;&lt;w:t&gt;</data>"
                                + "<data id=\"c1\">&lt;/w:t&gt;&lt;/w:r&gt;</data></originalData>",
                        "<pc id=\"1\" dataRefStart=\"o1\" dataRefEnd=\"c1\">human dignity</pc>",
                        "<ph id=\"2\" dataRef=\"p2\"/>",
                        "<sc id=\"3\" isolated=\"yes\" dataRef=\"o3\"/>");
        assertThat(xml.split("dataRefStart=\"o1\"", -1)).hasSize(3); // source and target
        int units = 0;
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(file.toFile());
            while (reader.hasNext()) {
                if (reader.next().isUnit()) {
                    units++;
                }
            }
        }
        assertThat(units).isEqualTo(UNITS.size());
    }

    @Test
    void xliff12IsReadByOkapisFilterWithTheSameUnitsAndCodes(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("out.xlf"), write(false));
        List<String> ids = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        XLIFFFilter filter = new XLIFFFilter();
        try (RawDocument raw = new RawDocument(file.toUri(), "UTF-8", LocaleId.ENGLISH, LocaleId.RUSSIAN)) {
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    ITextUnit tu = event.getTextUnit();
                    ids.add(tu.getId());
                    sources.add(okapiCodes(tu.getSource().getUnSegmentedContentCopy()));
                    targets.add(okapiCodes(tu.getTarget(LocaleId.RUSSIAN).getUnSegmentedContentCopy()));
                    plain.add(tu.getSource().getUnSegmentedContentCopy().getText());
                }
            }
        } finally {
            filter.close();
        }
        assertThat(ids)
                .containsExactlyElementsOf(UNITS.stream().map(XliffUnit::id).toList());
        assertThat(sources)
                .containsExactlyElementsOf(
                        UNITS.stream().map(u -> codes(u.source()).toString()).toList());
        assertThat(targets)
                .containsExactlyElementsOf(
                        UNITS.stream().map(u -> codes(u.target()).toString()).toList());
        assertThat(plain)
                .containsExactlyElementsOf(UNITS.stream()
                        .map(u -> InlineMarkup.plainText(u.source()))
                        .toList());
    }

    /**
     * The codes Okapi read, each as its role and the id in its XLIFF element (Okapi numbers the closing half of a
     * {@code bx}/{@code ex} pair by nesting, not by {@code rid}; the element it read keeps the id).
     */
    static String okapiCodes(net.sf.okapi.common.resource.TextFragment fragment) {
        return fragment.getCodes().stream()
                .map(c -> switch (c.getTagType()) {
                            case OPENING -> "START";
                            case CLOSING -> "END";
                            default -> "STANDALONE";
                        }
                        + (c.getOuterData().contains(" id=\"")
                                ? c.getOuterData().replaceAll("(?s).*? id=\"(\\d+)\".*", "$1")
                                : Integer.toString(c.getId())))
                .toList()
                .toString();
    }

    /** Code ids in order, each with its role (opening, closing, standalone). */
    static List<String> codes(String markup) {
        return InlineMarkup.pieces(markup).stream()
                .filter(p -> !p.kind().equals("TEXT"))
                .map(p -> p.kind() + p.code())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bothVersionsReadBackToTheSameMarkupStatesAndHeader(boolean version2, @TempDir Path dir) throws IOException {
        XliffRead read = XliffReader.read(Files.write(dir.resolve("out.xlf"), write(version2)));
        assertThat(read.version2()).isEqualTo(version2);
        assertThat(read.files()).extracting(XliffRead.File::original).containsExactly("kit.docx", "annex.docx");
        assertThat(read.files()).allSatisfy(f -> {
            assertThat(f.translation()).isEqualTo(HEADER.translation());
            assertThat(f.document()).isEqualTo(HEADER.document());
            assertThat(f.targetLanguage()).isEqualTo("ru");
        });
        assertThat(read.units())
                .extracting(XliffRead.Unit::id)
                .containsExactlyElementsOf(UNITS.stream().map(XliffUnit::id).toList());
        assertThat(read.units())
                .extracting(XliffRead.Unit::source)
                .containsExactlyElementsOf(UNITS.stream().map(XliffUnit::source).toList());
        assertThat(read.units())
                .extracting(XliffRead.Unit::target)
                .containsExactlyElementsOf(UNITS.stream().map(XliffUnit::target).toList());
        assertThat(read.units())
                .extracting(XliffRead.Unit::state)
                .containsExactlyElementsOf(UNITS.stream()
                        .map(u -> version2 ? u.state20() : u.state12())
                        .toList());
        assertThat(read.units()).allSatisfy(u -> assertThat(u.problem()).isNull());
    }

    @Test
    void theCorpusInvalidFilesAreRefusedAsMalformedOrInvalidWithTheirLine() throws IOException {
        assertRefused(Corpus.file("translation/invalid/symfony_invalid-xml.xlf"), "xliff-malformed", 8);
        assertRefused(Corpus.file("translation/invalid/symfony_non-valid.xlf"), "xliff-invalid", 5);
        assertRefused(Corpus.file("translation/invalid/xliff20_bad_InvalidStateValue.xlf"), "xliff-invalid", 5);
        assertRefused(Corpus.file("translation/invalid/xliff20_bad_SegmentWithoutSource.xlf"), "xliff-invalid", 6);
        assertRefused(Corpus.file("translation/invalid/xliff20_bad_TwoSourceInUnit.xlf"), "xliff-invalid", 7);
        for (String name : List.of("DataIdNotUnique", "InvalidFragIdSyntax", "NoTrgLang")) {
            assertThatThrownBy(() -> XliffReader.read(Corpus.file("translation/invalid/xliff20_bad_" + name + ".xlf")))
                    .as(name)
                    .isInstanceOfSatisfying(
                            XliffRefused.class, e -> assertThat(e.code()).isEqualTo("xliff-invalid"));
        }
    }

    @Test
    void aDtdOrAnExternalEntityIsRefusedBeforeAnythingIsResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a\""
                + " source-language=\"en\" datatype=\"x\"><body><trans-unit id=\"1\"><source>&x;</source>"
                + "</trans-unit></body></file></xliff>";
        assertRefused(Files.writeString(dir.resolve("xxe.xlf"), external), "xliff-external-entity", 2);
        String dtd = "<?xml version=\"1.0\"?>\n\n<!DOCTYPE xliff SYSTEM \"http://127.0.0.1:9/xliff.dtd\">\n"
                + new String(write(false), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "");
        assertRefused(Files.writeString(dir.resolve("dtd.xlf"), dtd), "xliff-dtd", 3);
    }

    @Test
    void emptyZipBinaryAndOtherXmlAreNotXliff(@TempDir Path dir) throws IOException {
        assertRefused(Files.write(dir.resolve("empty.xlf"), new byte[0]), "xliff-empty", 0);
        assertRefused(Files.writeString(dir.resolve("blank.xlf"), " \n\t "), "xliff-empty", 0);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("kit.ru.xlf"));
            out.write(write(false));
        }
        assertRefused(Files.write(dir.resolve("kit.zip"), zip.toByteArray()), "not-xliff", 0);
        assertRefused(Files.write(dir.resolve("bin.xlf"), new byte[] {1, 0, 2, 0}), "not-xliff", 0);
        assertRefused(Files.writeString(dir.resolve("page.xlf"), "<html><body/></html>"), "not-xliff", 1);
        assertRefused(
                Files.writeString(
                        dir.resolve("old.xlf"),
                        "<xliff version=\"1.1\" xmlns=\"urn:oasis:names:tc:xliff:document:1.1\"/>"),
                "not-xliff",
                1);
        assertRefused(Files.writeString(dir.resolve("text.xlf"), "just words"), "not-xliff", 0);
    }

    @Test
    void unknownInlineElementsMakeAUnitProblemNotAFileProblem(@TempDir Path dir) throws IOException {
        String xml = new String(write(false), StandardCharsets.UTF_8)
                .replace("Строка<x id=\"2\"/>", "Строка<ph id=\"2\">&lt;br/&gt;</ph>");
        XliffRead read = XliffReader.read(Files.writeString(dir.resolve("ph.xlf"), xml));
        assertThat(read.units().get(1).problem()).contains("<ph>");
        assertThat(read.units().get(0).problem()).isNull();
    }

    static void assertRefused(Path file, String code, int line) {
        assertThatThrownBy(() -> XliffReader.read(file))
                .as(file.getFileName().toString())
                .isInstanceOfSatisfying(XliffRefused.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.line()).isEqualTo(line);
                });
    }
}
