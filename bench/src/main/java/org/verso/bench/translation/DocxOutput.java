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
import org.verso.translation.TranslatedOutput;
import org.verso.translation.Translation;
import org.verso.translation.Translations;

/**
 * The translated DOCX of the corpus's largest DOCX through {@link TranslatedOutput} (reading the live targets, the
 * Okapi merge with Verso's segmentation, the checks) against Okapi's own filter and writer on the same bytes, every
 * text unit given a target copied from its source: in pairs, the order alternating, after warm-ups of both; medians,
 * quartiles and the ratios.
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
        double[] ratios = new double[runs];
        long[] versoBytes = new long[1];
        // both sides warmed alike, then measured in pairs whose order alternates (Verso first, then Okapi first), so
        // that neither side always runs in the other's wake (its garbage, its caches)
        for (int i = -WARM_UPS; i < runs; i++) {
            double v;
            double o;
            if ((i & 1) == 0) {
                v = millis(() -> versoBytes[0] = output.output(t.id(), null).bytes().length);
                o = millis(() -> okapiWrite(bytes));
            } else {
                o = millis(() -> okapiWrite(bytes));
                v = millis(() -> versoBytes[0] = output.output(t.id(), null).bytes().length);
            }
            if (i >= 0) {
                verso[i] = v;
                okapi[i] = o;
                ratios[i] = v / o;
            }
        }
        Arrays.sort(verso);
        Arrays.sort(okapi);
        Arrays.sort(ratios);
        System.out.printf(
                "DOCX output of %s (%d KB, %d segments, %d KB out), %d pairs after %d warm-ups each: Verso median %.1f"
                        + " ms (quartiles %.1f–%.1f), Okapi filter and writer median %.1f ms (quartiles %.1f–%.1f);"
                        + " Verso/Okapi of the medians %.2f, median of the pairs' ratios %.2f (quartiles %.2f–%.2f)"
                        + " (goal ≤ 2)%n",
                largest.getFileName(),
                bytes.length / 1024,
                filled,
                versoBytes[0] / 1024,
                runs,
                WARM_UPS,
                median(verso),
                quartile(verso, 1),
                quartile(verso, 3),
                median(okapi),
                quartile(okapi, 1),
                quartile(okapi, 3),
                median(verso) / median(okapi),
                median(ratios),
                quartile(ratios, 1),
                quartile(ratios, 3));
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
