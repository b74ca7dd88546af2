package org.verso.bench.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The baseline of the ingest benchmark: raw in-process Tika ({@code AutoDetectParser}, no isolation, no storage) with
 * two threads, in a JVM of its own that stays up for the whole run, so that it warms up as a long-running parser
 * would. Run in the same JVM as the application, its passes kept HotSpot deoptimising and recompiling the
 * application's code between the jobs, and the job was charged for it.
 *
 * <p>As a process: reads the files to parse from the file named by its argument; parses all of them whenever it reads
 * {@code run} on its standard input and answers {@code done <seconds>}; ends at the end of its input.
 */
public final class RawTikaProcess implements AutoCloseable {
    private static final String DONE = "done ";
    private static final int THREADS = 2;

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;

    /** Starts the process on the files (Java of this JVM, same class path, a 1 GB heap, default JIT and collector). */
    RawTikaProcess(List<Path> files, Path work) throws IOException {
        Path list = work.resolve("raw-tika-files.txt");
        Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RawTikaProcess.class.getName(),
                        list.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** One pass over all the files; its wall-clock seconds. */
    double run() throws IOException {
        commands.write("run\n");
        commands.flush();
        for (String line; (line = answers.readLine()) != null; ) {
            if (line.startsWith(DONE)) {
                return Double.parseDouble(line.substring(DONE.length()));
            }
        }
        throw new IOException("the raw Tika process ended");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        commands.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.OFF); // parsers are chatty; stdout carries the answers
        List<Path> files =
                Files.readAllLines(Path.of(args[0])).stream().map(Path::of).toList();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("run")) {
                out.println(DONE + String.format(Locale.ROOT, "%.6f", parseAll(files)));
            }
        }
    }

    /**
     * Tika as it reads without Tesseract, the baseline of the figures measured before OCR: with Tesseract installed,
     * Tika's defaults would OCR every picture of every document (minutes a pass), which is no baseline at all.
     */
    private static ParseContext withoutOcr() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /** Parses every file with {@link #THREADS} threads; the wall-clock seconds it took. */
    static double parseAll(List<Path> files) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    try (InputStream in = TikaInputStream.get(file)) {
                        parser.parse(in, new BodyContentHandler(-1), new Metadata(), withoutOcr());
                    } catch (Exception e) {
                        // counted like the ingest job counts a refusal: the time is spent either way
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
