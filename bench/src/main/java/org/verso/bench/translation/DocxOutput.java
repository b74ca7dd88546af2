package org.verso.bench.translation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.IResource;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.accounts.Account;
import org.verso.translation.SegmentStatus;
import org.verso.translation.TargetSegment;
import org.verso.translation.TranslatedFile;
import org.verso.translation.TranslatedOutput;
import org.verso.translation.Translation;
import org.verso.translation.Translations;

/**
 * The translated DOCX of the corpus's largest DOCX through {@link TranslatedOutput} (reading the live targets, the
 * Okapi merge with Verso's segmentation, the checks) against Okapi's own filter and writer on the same bytes, every
 * text unit given a target copied from its source: ten times each after two warm-ups, alternating; p50 and the ratio.
 */
final class DocxOutput {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final int RUNS = 10;

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
        double[] verso = new double[RUNS];
        double[] okapi = new double[RUNS];
        long versoBytes = 0;
        for (int i = -2; i < RUNS; i++) {
            long start = System.nanoTime();
            TranslatedFile file = output.output(t.id(), null);
            double v = (System.nanoTime() - start) / 1e6;
            versoBytes = file.bytes().length;
            start = System.nanoTime();
            okapiWrite(bytes);
            double o = (System.nanoTime() - start) / 1e6;
            if (i >= 0) {
                verso[i] = v;
                okapi[i] = o;
            }
        }
        Arrays.sort(verso);
        Arrays.sort(okapi);
        double vp50 = verso[RUNS / 2];
        double op50 = okapi[RUNS / 2];
        System.out.printf(
                "DOCX output of %s (%d KB, %d segments, %d KB out): Verso p50 %.1f ms (%.1f–%.1f), Okapi filter and"
                        + " writer p50 %.1f ms (%.1f–%.1f); Verso/Okapi %.2f (goal ≤ 2)%n",
                largest.getFileName(),
                bytes.length / 1024,
                filled,
                versoBytes / 1024,
                vp50,
                verso[0],
                verso[RUNS - 1],
                op50,
                okapi[0],
                okapi[RUNS - 1],
                vp50 / op50);
    }

    /** Okapi alone: filter the DOCX, give each text unit a target copied from its source, write the file. */
    static void okapiWrite(byte[] bytes) throws IOException {
        OpenXMLFilter filter = new OpenXMLFilter();
        try (RawDocument raw =
                        new RawDocument(new ByteArrayInputStream(bytes), "UTF-8", LocaleId.ENGLISH, LocaleId.RUSSIAN);
                IFilterWriter writer = filter.createFilterWriter()) {
            writer.setOptions(LocaleId.RUSSIAN, "UTF-8");
            writer.setOutput(OutputStream.nullOutputStream());
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    event.getTextUnit().createTarget(LocaleId.RUSSIAN, true, IResource.COPY_ALL);
                }
                writer.handleEvent(event);
            }
        } finally {
            filter.close();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
