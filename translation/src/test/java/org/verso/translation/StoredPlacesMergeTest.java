package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verso.library.ConflictException;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;

/**
 * A merge given each segment's place from the extraction splits only the units it translates, at those places, and
 * writes exactly what the merge that segments the whole file again writes: for every round-trip corpus file, fully
 * translated, half translated (a draft) and untranslated. Translations without places (stored before places were)
 * still merge by segmenting again, and a file that changed under the stored places is refused as before.
 */
class StoredPlacesMergeTest {
    @AutoClose
    private static final Segmentation segmentation = new Segmentation(TranslationProperties.defaults());

    static Stream<Arguments> files() {
        return RoundTripCorpusTest.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aMergeAtTheStoredPlacesWritesWhatAMergeThatSegmentsAgainWrites(
            String relative, String mediaType, boolean bilingual) {
        Path path = Corpus.file(relative);
        SourceFile file = new SourceFile(mediaType, path.getFileName().toString(), "en", null);
        byte[] original = Corpus.bytes(path);
        ExtractedSegments extracted = RoundTrips.extract(segmentation, original, file);
        String target = RoundTrips.targetLanguage(original);

        for (Predicate<ExtractedSegment> translated :
                List.<Predicate<ExtractedSegment>>of(s -> true, s -> s.index() % 2 == 1, s -> false)) {
            List<SegmentTranslation> withPlaces = extracted.segments().stream()
                    .filter(translated)
                    .map(s -> new SegmentTranslation(
                            s.index(), s.source(), RoundTrips.translateText(s.source(), RoundTrips::rotate), s.place()))
                    .toList();
            List<SegmentTranslation> withoutPlaces =
                    withPlaces.stream().map(t -> t.at(null)).toList();

            assertThat(contents(merge(original, file, target, withPlaces)))
                    .as("%s, %d of %d segments translated", relative, withPlaces.size(), extracted.count())
                    .isEqualTo(contents(merge(original, file, target, withoutPlaces)));
        }
    }

    @Test
    void everySegmentOfADocxHasThePlaceOfItsTextInItsUnit() {
        byte[] docx = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One sentence. "), Fixtures.bold("Two"), Fixtures.run(".")),
                Fixtures.paragraph(Fixtures.run("   ")),
                Fixtures.paragraph(Fixtures.run("Three.")));

        List<ExtractedSegment> segments =
                RoundTrips.extract(segmentation, docx, docx()).segments();

        assertThat(segments).extracting(ExtractedSegment::text).containsExactly("One sentence.", "Two.", "Three.");
        assertThat(segments).extracting(ExtractedSegment::place).doesNotContainNull();
        SegmentPlace first = segments.get(0).place();
        SegmentPlace second = segments.get(1).place();
        assertThat(first.unit()).isEqualTo(second.unit());
        assertThat(first.start()).isZero();
        assertThat(first.end()).isEqualTo("One sentence.".length());
        // the space between the sentences lies between the places; the bold run's codes count two characters each
        assertThat(second.start()).isEqualTo(first.end() + 1);
        assertThat(second.end() - second.start()).isEqualTo("Two.".length() + 4);
        assertThat(segments.get(2).place().unit()).isGreaterThan(first.unit());
    }

    @Test
    void aFileThatSegmentsItselfGivesItsSegmentsNoPlace() {
        byte[] xliff = ("<?xml version=\"1.0\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                        + "<file original=\"a\" source-language=\"en\" datatype=\"plaintext\"><body>"
                        + "<trans-unit id=\"1\"><source>One. Two.</source><seg-source><mrk mtype=\"seg\" mid=\"1\">"
                        + "One.</mrk> <mrk mtype=\"seg\" mid=\"2\">Two.</mrk></seg-source></trans-unit>"
                        + "<trans-unit id=\"2\"><source>Three. Four.</source></trans-unit>"
                        + "</body></file></xliff>")
                .getBytes(StandardCharsets.UTF_8);

        List<ExtractedSegment> segments = RoundTrips.extract(
                        segmentation, xliff, SourceFile.of(Fixtures.XLIFF, "a.xlf", "en"))
                .segments();

        assertThat(segments).extracting(ExtractedSegment::text).containsExactly("One.", "Two.", "Three.", "Four.");
        assertThat(segments)
                .extracting(ExtractedSegment::place)
                .containsExactly(null, null, new SegmentPlace(1, 0, 6), new SegmentPlace(1, 7, 12));
    }

    @Test
    void translationsOfWhichOneHasNoPlaceMergeBySegmentingAgain() {
        byte[] docx = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One sentence. Two sentences.")),
                Fixtures.paragraph(Fixtures.run("Three.")));
        ExtractedSegments extracted = RoundTrips.extract(segmentation, docx, docx());
        List<String> targets = List.of("Uno.", "Dos.", "Tres.");
        List<SegmentTranslation> translations = new ArrayList<>();
        for (ExtractedSegment s : extracted.segments()) {
            translations.add(new SegmentTranslation(s.index(), s.source(), targets.get(s.index()), s.place()));
        }
        // as a file segmented before places were stored: its merge cannot know where segment 2 is without the rules
        translations.set(2, translations.get(2).at(null));

        byte[] merged = merge(docx, docx(), "ru", translations);

        assertThat(RoundTrips.extract(segmentation, merged, docx()).segments())
                .extracting(ExtractedSegment::text)
                .containsExactly("Uno.", "Dos.", "Tres.");
        assertThat(contents(merged))
                .isEqualTo(contents(merge(
                        docx,
                        docx(),
                        "ru",
                        translations.stream().map(t -> t.at(null)).toList())));
    }

    @Test
    void aFileChangedUnderTheStoredPlacesIsRefusedAsOutOfDate() {
        byte[] docx = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One sentence. "), Fixtures.bold("Two"), Fixtures.run(".")),
                Fixtures.paragraph(Fixtures.run("Three.")));
        List<ExtractedSegment> segments =
                RoundTrips.extract(segmentation, docx, docx()).segments();
        List<SegmentTranslation> translations = segments.stream()
                .map(s -> new SegmentTranslation(s.index(), s.source(), s.source(), s.place()))
                .toList();
        byte[] reworded = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One phrase. "), Fixtures.bold("Two"), Fixtures.run(".")),
                Fixtures.paragraph(Fixtures.run("Three.")));
        byte[] shorter = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One sentence. "), Fixtures.bold("Two"), Fixtures.run(".")),
                Fixtures.paragraph(Fixtures.run("3.")));
        byte[] fewerUnits = Fixtures.docx(
                Fixtures.paragraph(Fixtures.run("One sentence. "), Fixtures.bold("Two"), Fixtures.run(".")));

        for (byte[] changed : List.of(reworded, shorter, fewerUnits)) {
            assertThatThrownBy(() -> merge(changed, docx(), "ru", translations))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo("segments-out-of-date");
        }
        assertThatThrownBy(() -> merge(fewerUnits, docx(), "ru", translations))
                .hasMessageContaining("point past its end");
        SegmentTranslation codeLost = new SegmentTranslation(
                1, segments.get(1).source(), "Два без кода.", segments.get(1).place());
        assertThatThrownBy(() -> merge(docx, docx(), "ru", List.of(codeLost)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid-segment-markup");
    }

    private static SourceFile docx() {
        return SourceFile.of(Fixtures.DOCX, "a.docx", "en");
    }

    private static byte[] merge(
            byte[] original, SourceFile file, String targetLanguage, List<SegmentTranslation> translations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segmentation.merge(new ByteArrayInputStream(original), file, targetLanguage, translations, out);
        return out.toByteArray();
    }

    /** A ZIP package's entries by name (hex, so that a difference shows), or the file's own bytes. */
    private static Map<String, String> contents(byte[] bytes) {
        Map<String, String> entries = new TreeMap<>();
        if (bytes.length < 2 || bytes[0] != 'P' || bytes[1] != 'K') {
            entries.put("", new String(bytes, StandardCharsets.UTF_8));
            return entries;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                byte[] content = zip.readAllBytes();
                entries.put(
                        entry.getName(),
                        entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")
                                ? new String(content, StandardCharsets.UTF_8)
                                : HexFormat.of().formatHex(content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
