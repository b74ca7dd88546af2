package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.annotation.AltTranslation;
import net.sf.okapi.common.annotation.AltTranslationsAnnotation;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.glossary.GlossEntry;
import net.sf.okapi.lib.xliff2.matches.Match;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verso.translation.OfflineUnitAids.GlossaryEntry;
import org.verso.translation.OfflineUnitAids.MemoryMatch;
import org.verso.translation.internal.XliffFile;
import org.verso.translation.internal.XliffRead;
import org.verso.translation.internal.XliffReader;
import org.verso.translation.internal.XliffUnit;
import org.verso.translation.internal.XliffWriter;

/**
 * Memory matches and glossary entries inside the XLIFF, without a database: 2.0 carries them as {@code mtc:matches}
 * and {@code gls:glossary} and still passes lib-xliff2's full validation (which reads them back), 1.2 carries
 * {@code alt-trans} (read by Okapi's filter as alternate translations, the units and codes unchanged) and a glossary
 * note; an import reads the same units as without them.
 */
class XliffAidsFilesTest {
    static final MemoryMatch EXACT = new MemoryMatch(
            "Police must respect <g id=\"1\">human dignity</g>.",
            "Полиция должна уважать <g id=\"1\">человеческое достоинство</g>.",
            100,
            "Verso memory: charter.tmx");
    static final MemoryMatch FUZZY = new MemoryMatch(
            "Police respect <g id=\"1\">dignity</g> &amp; law.",
            "Полиция уважает <g id=\"1\">достоинство</g> и закон.",
            82,
            null);
    static final GlossaryEntry TERM =
            new GlossaryEntry("human dignity", List.of("человеческое достоинство", "достоинство человека"), "Art. 1");

    static List<XliffUnit> units() {
        List<XliffUnit> units = new ArrayList<>(XliffFilesTest.UNITS);
        XliffUnit first = units.get(0);
        units.set(
                0,
                new XliffUnit(
                        first.id(),
                        first.name(),
                        first.source(),
                        first.target(),
                        first.state12(),
                        first.approved(),
                        first.state20(),
                        first.subState20(),
                        first.notes(),
                        List.of(EXACT, FUZZY),
                        List.of(TERM)));
        return units;
    }

    static byte[] write(boolean version2) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<XliffUnit> units = units();
        XliffWriter.write(
                version2,
                XliffFilesTest.HEADER,
                List.of(
                        new XliffFile("kit.docx", units.subList(0, 3)),
                        new XliffFile("annex.docx", units.subList(3, 5))),
                null,
                out);
        return out.toByteArray();
    }

    @Test
    void xliff20CarriesMatchesAndGlossaryAndPassesLibXliff2Validation(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("aids.xlf"), write(true));
        assertThat(Files.readString(file))
                .contains(
                        "xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\"",
                        "xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\"",
                        "<segment id=\"s1\"");
        List<Unit> units = new ArrayList<>();
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(file.toFile());
            while (reader.hasNext()) {
                var event = reader.next();
                if (event.isUnit()) {
                    units.add(event.getUnit());
                }
            }
        }
        assertThat(units).hasSize(XliffFilesTest.UNITS.size());
        Unit first = units.get(0);
        assertThat(first.getMatches()).hasSize(2);
        Match best = first.getMatches().get(0);
        assertThat(best.getMatchQuality()).isEqualTo(100.0);
        assertThat(best.getOrigin()).isEqualTo("Verso memory: charter.tmx");
        assertThat(best.getSource().getPlainText()).isEqualTo("Police must respect human dignity.");
        assertThat(best.getTarget().getPlainText()).isEqualTo("Полиция должна уважать человеческое достоинство.");
        assertThat(first.getMatches().get(1).getMatchQuality()).isEqualTo(82.0);
        assertThat(first.getGlossary()).hasSize(1);
        GlossEntry entry = first.getGlossary().get(0);
        assertThat(entry.getTerm().getText()).isEqualTo("human dignity");
        assertThat(entry.getTranslations())
                .extracting(t -> t.getText())
                .containsExactly("человеческое достоинство", "достоинство человека");
        assertThat(entry.getDefinition().getText()).isEqualTo("Art. 1");
        assertThat(units.get(1).hasMatch()).isFalse();
    }

    @Test
    void xliff12CarriesAltTransReadByOkapiAsAlternateTranslationsWithTheUnitsUnchanged(@TempDir Path dir)
            throws IOException {
        Path file = Files.write(dir.resolve("aids.xlf"), write(false));
        assertThat(Files.readString(file))
                .contains(
                        "<alt-trans match-quality=\"100\" origin=\"Verso memory: charter.tmx\">",
                        "<note from=\"glossary\">human dignity \u2192 человеческое достоинство; достоинство человека"
                                + " (Art. 1)</note>");
        List<String> ids = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<AltTranslation> alternates = new ArrayList<>();
        XLIFFFilter filter = new XLIFFFilter();
        try (RawDocument raw = new RawDocument(file.toUri(), "UTF-8", LocaleId.ENGLISH, LocaleId.RUSSIAN)) {
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    ITextUnit tu = event.getTextUnit();
                    ids.add(tu.getId());
                    sources.add(XliffFilesTest.okapiCodes(tu.getSource().getUnSegmentedContentCopy()));
                    targets.add(XliffFilesTest.okapiCodes(
                            tu.getTarget(LocaleId.RUSSIAN).getUnSegmentedContentCopy()));
                    AltTranslationsAnnotation alt =
                            tu.getTarget(LocaleId.RUSSIAN).getAnnotation(AltTranslationsAnnotation.class);
                    if (alt != null) {
                        alt.forEach(alternates::add);
                    }
                }
            }
        } finally {
            filter.close();
        }
        assertThat(ids)
                .containsExactlyElementsOf(
                        XliffFilesTest.UNITS.stream().map(XliffUnit::id).toList());
        assertThat(sources)
                .containsExactlyElementsOf(XliffFilesTest.UNITS.stream()
                        .map(u -> XliffFilesTest.codes(u.source()).toString())
                        .toList());
        assertThat(targets)
                .containsExactlyElementsOf(XliffFilesTest.UNITS.stream()
                        .map(u -> XliffFilesTest.codes(u.target()).toString())
                        .toList());
        assertThat(alternates).hasSize(2);
        assertThat(alternates.get(0).getCombinedScore()).isEqualTo(100);
        assertThat(alternates.get(0).getTarget().getFirstContent().getText()).contains("человеческое достоинство");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anImportReadsTheSameUnitsAsWithoutMatchesAndGlossary(boolean version2, @TempDir Path dir) throws IOException {
        XliffRead with = XliffReader.read(Files.write(dir.resolve("with.xlf"), write(version2)));
        XliffRead without = XliffReader.read(Files.write(dir.resolve("without.xlf"), XliffFilesTest.write(version2)));
        assertThat(with.units()).hasSameSizeAs(without.units());
        for (int i = 0; i < with.units().size(); i++) {
            XliffRead.Unit a = with.units().get(i);
            XliffRead.Unit b = without.units().get(i);
            assertThat(a.id()).isEqualTo(b.id());
            assertThat(a.source()).isEqualTo(b.source());
            assertThat(a.target()).isEqualTo(b.target());
            assertThat(a.state()).isEqualTo(b.state());
            assertThat(a.problem()).isNull();
        }
    }
}
