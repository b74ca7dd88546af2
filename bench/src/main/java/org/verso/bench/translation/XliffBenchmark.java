package org.verso.bench.translation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filterwriter.XLIFFWriter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import net.sf.okapi.common.resource.TextUnit;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.Account;
import org.verso.accounts.Role;
import org.verso.bench.Trees;
import org.verso.library.Document;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.LanguageTag;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.translation.OfflineWork;
import org.verso.translation.OpenTranslations;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;
import org.verso.translation.TargetSegment;
import org.verso.translation.TranslatedFile;
import org.verso.translation.Translation;
import org.verso.translation.Translations;
import org.verso.translation.XliffImport;
import org.verso.translation.XliffSelection;
import org.verso.translation.XliffVersion;
import org.verso.web.VersoApplication;

/**
 * Export and import of a large translation (default 10,000 segments, each with a pair of codes) as XLIFF, against
 * Okapi's own XLIFF 1.2 writer ({@code XLIFFWriter}) and filter ({@code XLIFFFilter}) on the same segments in the same
 * run, and lib-xliff2's validating reader for 2.0. Five measured rounds after a warm-up ({@code -Drounds=N}), summed up as medians; prints times and ratios
 * (Okapi's time / Verso's: above 1 is faster than Okapi).
 *
 * <p>Import is measured twice: a file whose every target changed (10,000 saves in one batch, {@code
 * Translations.saveAll}, in one transaction, on an H2 file) and the same file again (every unit unchanged: reading,
 * validating, matching).
 *
 * <p>{@code mvn -q -pl bench -am process-test-classes -Pxliff-bench} ({@code -Dsegments=N}).
 */
public final class XliffBenchmark {
    private static final String PASSWORD = "bench-password-1";
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Pattern TARGET = Pattern.compile("(<target[^>]*>)(.*?)(</target>)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("<g id=\"(\\d+)\">|</g>|<(x|bx|ex) id=\"(\\d+)\"/>");

    private XliffBenchmark() {}

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("segments", 10_000);
        int rounds = Integer.getInteger("rounds", 5);
        Path data = Trees.temporary("verso-xliff-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VersoApplication.class)
                .properties(
                        "verso.data-dir=" + data,
                        "verso.admin-password=" + PASSWORD,
                        "server.port=0",
                        "verso.search.check-on-startup=false",
                        // segmenting the 10,000 paragraphs is set-up, not measured: on a loaded machine it may
                        // take longer than the default minute
                        "verso.translation.time-limit=30m",
                        "logging.level.root=warn")
                .run()) {
            Translations translations = app.getBean(Translations.class);
            OfflineWork offline = app.getBean(OfflineWork.class);
            SaveBenchmark.Setup setup = new SaveBenchmark.Setup(app);
            Account coordinator = setup.account("bench-coordinator", Role.COORDINATOR);
            Account translator = setup.account("bench-translator", Role.TRANSLATOR);
            Translation t = translation(app, coordinator, translator, size);
            List<TargetSegment> segments = translations.allSegments(t.id());
            System.out.printf("translation of %d segments (HTML, a pair of codes each)%n", segments.size());
            Path dir = Trees.temporary("verso-xliff-bench-files-");

            Rounds measured = new Rounds();
            for (int round = 0; round <= rounds; round++) {
                String label = round == 0 ? "warm-up" : "round " + round;
                long start = System.nanoTime();
                TranslatedFile ours12 = offline.export(t.id(), XliffVersion.V1_2, XliffSelection.ALL, translator.id());
                double export12 = ms(start);
                start = System.nanoTime();
                byte[] okapi12 = okapiWrite(segments, t);
                double okapiExport = ms(start);
                start = System.nanoTime();
                offline.export(t.id(), XliffVersion.V2_0, XliffSelection.ALL, translator.id());
                double export20 = ms(start);

                byte[] changed = changeTargets(ours12.bytes(), round).getBytes(StandardCharsets.UTF_8);
                start = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                XliffImport updated =
                        offline.importXliff(t.id(), new ByteArrayInputStream(changed), changed.length, translator.id());
                double importUpdated = ms(start);
                double importUpdatedCpu = cpuMs(cpu);
                start = System.nanoTime();
                XliffImport unchanged =
                        offline.importXliff(t.id(), new ByteArrayInputStream(changed), changed.length, translator.id());
                double importUnchanged = ms(start);
                Path file = Files.write(dir.resolve("ours.xlf"), changed);
                start = System.nanoTime();
                cpu = CPU.getCurrentThreadCpuTime();
                int okapiUnits = okapiRead(file);
                double okapiImport = ms(start);
                double okapiImportCpu = cpuMs(cpu);

                TranslatedFile ours20 = offline.export(t.id(), XliffVersion.V2_0, XliffSelection.ALL, translator.id());
                Path file20 = Files.write(dir.resolve("ours20.xlf"), ours20.bytes());
                start = System.nanoTime();
                libXliff2Read(file20.toFile());
                double lib2Read = ms(start);
                start = System.nanoTime();
                XliffImport unchanged20 = offline.importXliff(
                        t.id(), new ByteArrayInputStream(ours20.bytes()), ours20.bytes().length, translator.id());
                double import20 = ms(start);
                segments = translations.allSegments(t.id());

                System.out.printf(
                        "%s: export 1.2 %.0f ms (%.1f MB) vs Okapi XLIFFWriter %.0f ms (%.1f MB): ratio %.2f;"
                                + " export 2.0 %.0f ms%n",
                        label,
                        export12,
                        ours12.bytes().length / 1e6,
                        okapiExport,
                        okapi12.length / 1e6,
                        okapiExport / export12,
                        export20);
                System.out.printf(
                        "%s: import 1.2 with %d updates %.0f ms, unchanged (%d) %.0f ms vs Okapi XLIFFFilter read (%d"
                                + " units) %.0f ms: ratio %.2f (updates) %.2f (unchanged)%n",
                        label,
                        updated.count(XliffImport.Outcome.UPDATED),
                        importUpdated,
                        unchanged.count(XliffImport.Outcome.UNCHANGED),
                        importUnchanged,
                        okapiUnits,
                        okapiImport,
                        okapiImport / importUpdated,
                        okapiImport / importUnchanged);
                System.out.printf(
                        "%s: CPU time of this thread: import 1.2 with updates %.0f ms vs Okapi XLIFFFilter read %.0f ms:"
                                + " ratio %.2f%n",
                        label, importUpdatedCpu, okapiImportCpu, okapiImportCpu / importUpdatedCpu);
                System.out.printf(
                        "%s: import 2.0 unchanged (%d) %.0f ms, of which lib-xliff2 validation alone %.0f ms%n",
                        label, unchanged20.count(XliffImport.Outcome.UNCHANGED), import20, lib2Read);
                if (round > 0) {
                    measured.add(export12, okapiExport, importUpdated, okapiImport);
                }
            }
            measured.print();
        }
    }

    /** The measured rounds' times, summed up as medians against the issue's goals (each ≤ 2 s, ratio ≥ 0.5). */
    private static final class Rounds {
        private final List<Double> export = new ArrayList<>();
        private final List<Double> okapiExport = new ArrayList<>();
        private final List<Double> imports = new ArrayList<>();
        private final List<Double> okapiImport = new ArrayList<>();
        private final List<Double> exportRatio = new ArrayList<>();
        private final List<Double> importRatio = new ArrayList<>();

        void add(double export12, double okapiWrite, double importUpdated, double okapiRead) {
            export.add(export12);
            okapiExport.add(okapiWrite);
            imports.add(importUpdated);
            okapiImport.add(okapiRead);
            exportRatio.add(okapiWrite / export12);
            importRatio.add(okapiRead / importUpdated);
        }

        void print() {
            line("export 1.2", export, okapiExport, exportRatio);
            line("import 1.2 with updates", imports, okapiImport, importRatio);
        }

        private static void line(String what, List<Double> ours, List<Double> okapi, List<Double> ratios) {
            double ratio = median(ratios);
            double time = median(ours);
            System.out.printf(
                    "median of %d rounds: %s %.0f ms vs Okapi %.0f ms: ratio %.2f (rounds %.2f–%.2f); goals ≤ 2 s %s,"
                            + " ratio ≥ 0.5 %s%n",
                    ratios.size(),
                    what,
                    time,
                    median(okapi),
                    ratio,
                    ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    time <= 2000 ? "met" : "MISSED",
                    ratio >= 0.5 ? "met" : "MISSED");
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** CPU milliseconds of the calling thread since {@code start} (the shared machine's load does not count). */
    private static double cpuMs(long start) {
        return (CPU.getCurrentThreadCpuTime() - start) / 1e6;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** Every target's text changed (a round mark prepended), its codes kept. */
    static String changeTargets(byte[] xliff, int round) {
        Matcher m = TARGET.matcher(new String(xliff, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(m.group(1) + "R" + round + " " + m.group(2) + m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    /** Okapi's XLIFF 1.2 writer on the same segments: text units with the same codes. */
    static byte[] okapiWrite(List<TargetSegment> segments, Translation t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XLIFFWriter writer = new XLIFFWriter();
        LocaleId source = LocaleId.fromString(
                t.sourceLanguage() == null ? "en" : t.sourceLanguage().value());
        LocaleId target = LocaleId.fromString(t.targetLanguage().value());
        writer.setOutput(out);
        writer.setOptions(target, "UTF-8");
        writer.create(null, null, source, target, "x-verso", segments.get(0).fileName(), null);
        for (TargetSegment s : segments) {
            ITextUnit tu = new TextUnit("seg-" + s.id().value() + "-v" + s.version());
            tu.setSourceContent(fragment(s.source()));
            tu.setTargetContent(target, fragment(s.target().isEmpty() ? s.source() : s.target()));
            writer.writeTextUnit(tu);
        }
        writer.close();
        return out.toByteArray();
    }

    private static TextFragment fragment(String markup) {
        TextFragment f = new TextFragment();
        Matcher m = CODE.matcher(markup);
        int at = 0;
        List<Integer> open = new ArrayList<>();
        while (m.find()) {
            f.append(unescape(markup.substring(at, m.start())));
            at = m.end();
            if (m.group(1) != null) {
                int id = Integer.parseInt(m.group(1));
                open.add(id);
                f.append(TagType.OPENING, "g", "<b>", id);
            } else if (m.group().equals("</g>")) {
                f.append(TagType.CLOSING, "g", "</b>", open.remove(open.size() - 1));
            } else {
                TagType type =
                        switch (m.group(2)) {
                            case "bx" -> TagType.OPENING;
                            case "ex" -> TagType.CLOSING;
                            default -> TagType.PLACEHOLDER;
                        };
                f.append(type, m.group(2), "<br/>", Integer.parseInt(m.group(3)));
            }
        }
        f.append(unescape(markup.substring(at)));
        return f;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static int okapiRead(Path file) {
        int units = 0;
        XLIFFFilter filter = new XLIFFFilter();
        try (RawDocument raw = new RawDocument(file.toUri(), "UTF-8", LocaleId.ENGLISH, LocaleId.RUSSIAN)) {
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    units++;
                }
            }
        } finally {
            filter.close();
        }
        return units;
    }

    static void libXliff2Read(File file) {
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(file);
            while (reader.hasNext()) {
                reader.next();
            }
        }
    }

    /** An HTML document of {@code size} paragraphs, each a sentence with a bold word, segmented, opened, claimed. */
    private static Translation translation(
            ConfigurableApplicationContext app, Account coordinator, Account translator, int size) throws Exception {
        StringBuilder html = new StringBuilder("<html><head><title>Bench</title></head><body>\n");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            html.append("<p>Paragraph ")
                    .append(i)
                    .append(" keeps <b>human dignity</b> in case ")
                    .append(id)
                    .append(".</p>\n");
            text.append("Paragraph ")
                    .append(i)
                    .append(" keeps human dignity in case ")
                    .append(id)
                    .append(".\n\n");
        }
        byte[] bytes = html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
        Sha256 sha = app.getBean(FileStore.class).store(new ByteArrayInputStream(bytes));
        Document document = app.getBean(Documents.class)
                .create(
                        new NewDocument("XLIFF bench", DocumentKind.OTHER, null, "en", null, Set.of()),
                        new NewFile(
                                sha,
                                "bench.html",
                                "text/html",
                                bytes.length,
                                "en",
                                0.9,
                                null,
                                null,
                                null,
                                text.toString()));
        DocumentIngested event = new DocumentIngested(document.id(), sha, "bench.html", "text/html", "en", true);
        app.getBean(TransactionTemplate.class).executeWithoutResult(status -> app.publishEvent(event));
        Segments segments = app.getBean(Segments.class);
        while (segments.file(document.id(), sha)
                .map(f -> f.state() == SegmentationState.PENDING)
                .orElse(true)) {
            Thread.sleep(50);
        }
        Translations translations = app.getBean(Translations.class);
        Translation t = translations
                .open(
                        new OpenTranslations(document.id(), List.of(LanguageTag.of("ru")), null, null, null),
                        coordinator.id())
                .get(0);
        translations.claim(t.id(), translator.id());
        return t;
    }
}
