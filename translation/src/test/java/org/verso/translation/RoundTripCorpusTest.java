package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file of the round-trip formats extracts to segments and merges back with Okapi's writers (see
 * {@link RoundTrips}). The files left out are named with the reason, and tested for a clear failure elsewhere.
 */
class RoundTripCorpusTest {
    /** Files Okapi cannot read or write back; each has a test of its clear failure in {@link BadInputTest}. */
    static final Set<String> LEFT_OUT = Set.of(
            "testODTMacro.fodt", // flat (single-XML) ODT: a different media type, not claimed
            "its-lqi.xlf", // refers to ITS data in other files: refused
            "valid_withTBXExtension.xlf", // Okapi's XLIFF 2 reader rejects the TBX extension
            "valid_withXmlLang.xlf"); // Okapi's XLIFF 2 writer rejects the unit's own xml:lang on merge
    /** Files that hold no translatable text at all. */
    static final Set<String> EMPTY = Set.of("testAltChunkHTML.docx");

    private static Segmentation segmentation;

    @BeforeAll
    static void start() {
        segmentation = new Segmentation(TranslationProperties.defaults());
    }

    @AfterAll
    static void stop() {
        segmentation.close();
    }

    static Stream<Arguments> files() {
        List<Arguments> files = new ArrayList<>();
        add(files, "office/docx", Fixtures.DOCX, false);
        add(files, "office/odt", Fixtures.ODT, false);
        add(files, "office/html", "text/html", false);
        add(files, "office/txt", "text/plain", false);
        add(files, "translation/xliff12", Fixtures.XLIFF, true);
        add(files, "translation/xliff20", Fixtures.XLIFF, true);
        add(files, "translation/po", Fixtures.PO, true);
        return files.stream();
    }

    private static void add(List<Arguments> files, String folder, String mediaType, boolean bilingual) {
        for (Path file : Corpus.files(folder)) {
            if (!LEFT_OUT.contains(file.getFileName().toString())) {
                files.add(Arguments.of(folder + "/" + file.getFileName(), mediaType, bilingual));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void corpusFileRoundTripsThroughOkapi(String relative, String mediaType, boolean bilingual) {
        Path path = Corpus.file(relative);
        SourceFile file = new SourceFile(mediaType, path.getFileName().toString(), "en", null);

        ExtractedSegments segments = RoundTrips.check(segmentation, Corpus.bytes(path), file, bilingual);

        assertThat(segments.roundTrip()).isTrue();
        if (!EMPTY.contains(path.getFileName().toString())) {
            assertThat(segments.count()).as("segments of " + relative).isPositive();
        }
    }
}
