package org.verso.bench.translation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.IResource;
import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import net.sf.okapi.lib.segmentation.SRXDocument;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.accounts.Account;
import org.verso.translation.SegmentStatus;
import org.verso.translation.TargetSegment;
import org.verso.translation.TranslatedOutput;
import org.verso.translation.Translation;
import org.verso.translation.Translations;

/**
 * The translated DOCX of the corpus's largest DOCX through {@link TranslatedOutput} (reading the live targets, the
 * Okapi merge with Verso's segmentation, the checks) against Okapi's own filter and writer on the same bytes, every
 * text unit given a target copied from its source, and against Okapi's filter, its default SRX sentence segmentation and
 * writer (the part of the merge that is Okapi's work), and against Verso's own output with the segments' stored places
 * hidden (the merge segmenting the whole file again, as for segments stored before places were, and as every merge did
 * before): in turns, the order rotating, after warm-ups of all; medians, quartiles and the ratios.
 */
final class DocxOutput {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Measured pairs ({@code -Ddocx.runs}); 30 make the median steady against the shared machine's noise. */
    private static final int RUNS = 30;

    private static final int WARM_UPS = 5;

    private DocxOutput() {}

    static void run(
            ConfigurableApplicationContext app,
            SaveBenchmark.Setup setup,
            Account coordinator,
            Account translator,
            Path folder)
            throws Exception {
        Path largest;
        try (Stream<Path> files = Files.list(folder)) {
            largest = files.filter(f -> f.toString().endsWith(".docx"))
                    .max(Comparator.comparingLong(DocxOutput::size))
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        Translation t = setup.translated(
                coordinator, translator, bytes, largest.getFileName().toString(), DOCX);
        Translations translations = app.getBean(Translations.class);
        int filled = 0;
        for (TargetSegment segment : translations.allSegments(t.id())) {
            // every target the source itself: the same text to write as Okapi's copied targets
            translations.save(
                    t.id(), segment.id(), segment.source(), SegmentStatus.DRAFT, segment.version(), translator.id());
            filled++;
        }
        TranslatedOutput output = app.getBean(TranslatedOutput.class);
        int runs = Integer.getInteger("docx.runs", RUNS);
        double[] verso = new double[runs];
        double[] okapi = new double[runs];
        double[] segmented = new double[runs];
        double[] ratios = new double[runs];
        double[] segmentedRatios = new double[runs];
        double[] unplaced = new double[runs];
        double[] unplacedRatios = new double[runs];
        long[] versoBytes = new long[1];
        StoredPlaces places =
                new StoredPlaces(app.getBean(DataSource.class), t.document().value());
        String jfr = System.getProperty("jfr", "");
        jdk.jfr.Recording recording = null;
        // all three warmed alike, then measured in turns whose order rotates, so that none always runs in another's
        // wake (its garbage, its caches)
        for (int i = -WARM_UPS; i < runs; i++) {
            if (i == 0 && !jfr.isBlank()) {
                // -Djfr=file: the measured turns recorded to file.docx.jfr (the closed loop's is the file itself)
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.setDestination(java.nio.file.Path.of(jfr + ".docx.jfr"));
                recording.start();
            }
            double[] times = new double[4];
            for (int k = 0; k < 4; k++) {
                int which = Math.floorMod(i + k, 4);
                times[which] = switch (which) {
                    case 0 ->
                        millis(() -> versoBytes[0] = output.output(t.id(), null).bytes().length);
                    case 1 -> millis(() -> okapiWrite(bytes, false));
                    case 2 -> millis(() -> okapiWrite(bytes, true));
                    default -> {
                        places.hide();
                        try {
                            yield millis(() -> output.output(t.id(), null));
                        } finally {
                            places.restore();
                        }
                    }
                };
            }
            if (i >= 0) {
                verso[i] = times[0];
                okapi[i] = times[1];
                segmented[i] = times[2];
                unplaced[i] = times[3];
                ratios[i] = times[0] / times[1];
                segmentedRatios[i] = times[0] / times[2];
                unplacedRatios[i] = times[3] / times[1];
            }
        }
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        for (double[] sorted : List.of(verso, okapi, segmented, ratios, segmentedRatios, unplaced, unplacedRatios)) {
            Arrays.sort(sorted);
        }
        System.out.printf(
                "DOCX output of %s (%d KB, %d segments, %d KB out), %d turns after %d warm-ups each: Verso median %s,"
                        + " Okapi filter and writer median %s; Verso/Okapi of the medians %.2f, median of the turns'"
                        + " ratios %s (goal ≤ 2)%n",
                largest.getFileName(),
                bytes.length / 1024,
                filled,
                versoBytes[0] / 1024,
                runs,
                WARM_UPS,
                spread(verso, " ms"),
                spread(okapi, " ms"),
                median(verso) / median(okapi),
                spread(ratios, ""));
        System.out.printf(
                "  Okapi filter, its default SRX sentence segmentation and writer (what Verso's merge does besides"
                        + " reading the targets) median %s; Verso/that %.2f of the medians, median of the turns' ratios"
                        + " %s%n",
                spread(segmented, " ms"), median(verso) / median(segmented), spread(segmentedRatios, ""));
        System.out.printf(
                "  Verso with the stored places hidden (the merge segmenting the file again, as before them) median %s;"
                        + " that/Okapi of the medians %.2f, median of the turns' ratios %s%n",
                spread(unplaced, " ms"), median(unplaced) / median(okapi), spread(unplacedRatios, ""));
    }

    /**
     * The stored places of the bench document's segments, hidden (set to null, as segments stored before places were
     * have none) and put back around a turn; outside the timed work.
     */
    private static final class StoredPlaces {
        private final DataSource db;
        private final UUID document;
        private final List<Object[]> saved = new java.util.ArrayList<>();

        StoredPlaces(DataSource db, UUID document) {
            this.db = db;
            this.document = document;
        }

        void hide() throws java.sql.SQLException {
            saved.clear();
            try (var c = db.getConnection();
                    var read = c.prepareStatement("SELECT id, place_unit FROM translation_segment WHERE document_id = ?"
                            + " AND place_unit IS NOT NULL")) {
                read.setObject(1, document);
                try (var rs = read.executeQuery()) {
                    while (rs.next()) {
                        saved.add(new Object[] {rs.getObject(1), rs.getInt(2)});
                    }
                }
                try (var hide =
                        c.prepareStatement("UPDATE translation_segment SET place_unit = NULL WHERE document_id = ?")) {
                    hide.setObject(1, document);
                    hide.executeUpdate();
                }
            }
        }

        void restore() throws java.sql.SQLException {
            try (var c = db.getConnection();
                    var put = c.prepareStatement("UPDATE translation_segment SET place_unit = ? WHERE id = ?")) {
                for (Object[] row : saved) {
                    put.setInt(1, (Integer) row[1]);
                    put.setObject(2, row[0]);
                    put.addBatch();
                }
                put.executeBatch();
            }
        }
    }

    /** "median unit (quartiles q1–q3)" of sorted values. */
    private static String spread(double[] sorted, String unit) {
        return String.format(
                "%.2f%s (quartiles %.2f–%.2f)", median(sorted), unit, quartile(sorted, 1), quartile(sorted, 3));
    }

    interface Work {
        void run() throws Exception;
    }

    private static double millis(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Of sorted values. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The first or third quartile of sorted values (nearest rank). */
    private static double quartile(double[] sorted, int which) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * which / 4.0) - 1)];
    }

    /**
     * Okapi alone: filter the DOCX, give each text unit a target copied from its source, write the file; with {@code
     * segment}, each text unit first split into sentences by Okapi's default SRX rules and joined again before it is
     * written, as a merge of sentence translations must.
     */
    static void okapiWrite(byte[] bytes, boolean segment) throws IOException {
        OpenXMLFilter filter = new OpenXMLFilter();
        ISegmenter segmenter = segment ? SRX.compileLanguageRules(LocaleId.ENGLISH, null) : null;
        try (RawDocument raw =
                        new RawDocument(new ByteArrayInputStream(bytes), "UTF-8", LocaleId.ENGLISH, LocaleId.RUSSIAN);
                IFilterWriter writer = filter.createFilterWriter()) {
            writer.setOptions(LocaleId.RUSSIAN, "UTF-8");
            writer.setOutput(OutputStream.nullOutputStream());
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    ITextUnit unit = event.getTextUnit();
                    if (segmenter != null && unit.isTranslatable()) {
                        TextContainer source = unit.getSource();
                        segmenter.computeSegments(source);
                        source.getSegments().create(segmenter.getRanges());
                    }
                    unit.createTarget(LocaleId.RUSSIAN, true, IResource.COPY_ALL);
                    if (segmenter != null) {
                        unit.getSource().getSegments().joinAll();
                        unit.getTarget(LocaleId.RUSSIAN).getSegments().joinAll();
                    }
                }
                writer.handleEvent(event);
            }
        } finally {
            filter.close();
        }
    }

    /** Okapi's default SRX rules, as Verso segments with them (isolated codes count as white space). */
    private static final SRXDocument SRX = defaultRules();

    private static SRXDocument defaultRules() {
        SRXDocument document = new SRXDocument();
        try (var in = SRXDocument.class.getResourceAsStream("defaultSegmentation.srx")) {
            document.loadRules(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        document.setTreatIsolatedCodesAsWhitespace(true);
        return document;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
