package org.verso.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.verso.library.InvalidInputException;
import org.verso.library.UnsupportedTypeException;
import org.verso.translation.internal.OkapiEngine;
import org.verso.translation.internal.OkapiFormat;
import org.verso.translation.internal.PlainTextSegments;
import org.verso.translation.internal.SrxRules;

/**
 * Extracts the translatable content of files into segments, and merges translations back.
 *
 * <p>Formats Okapi can round-trip (DOCX, ODT, HTML, XLIFF 1.2 and 2.0, PO, plain text) go through their Okapi filter:
 * every translatable unit is split into sentences by SRX rules, inline formatting is kept as codes, and a translation
 * can later be merged into the original format and layout. Other formats (PDF, DOC, RTF…) are segmented from their
 * extracted text by the same rules; their translation will come out as a new document.
 *
 * <p>Thread-safe. Every call is bounded by the configured time limit; bad input gives a domain exception with a
 * human reason ({@code unreadable-file}, {@code encrypted-file}, {@code segmentation-timed-out},
 * {@code too-many-segments}, {@code not-round-trip}), never a parser's own exception.
 */
public final class Segmentation implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TranslationProperties properties;
    private final OkapiEngine engine;
    private final PlainTextSegments plainText;
    private final ExecutorService bounded = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "verso-segmentation-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public Segmentation(TranslationProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
        SrxRules rules = properties.srxRules() == null ? SrxRules.defaults() : SrxRules.load(properties.srxRules());
        this.engine = new OkapiEngine(rules);
        this.plainText = new PlainTextSegments(rules);
    }

    /** Whether a translation of a file of this type can be merged back into its own format and layout. */
    public boolean canRoundTrip(String mediaType, String fileName) {
        return OkapiFormat.of(mediaType, fileName).isPresent();
    }

    /**
     * The segments of a file in a round-trip format. Reads the stream to its end; does not close it.
     *
     * @throws UnsupportedTypeException ({@code not-round-trip}) for other formats: use {@link #segmentText}
     * @throws InvalidInputException when the file cannot be read, with the reason
     */
    public ExtractedSegments extract(InputStream in, SourceFile file) {
        OkapiFormat format = formatOf(file);
        return withSpooled(
                in,
                path -> new ExtractedSegments(
                        engine.extract(input(path, format, file), properties.maxSegmentsPerFile(), timeLimit()),
                        true,
                        format.displayName()));
    }

    /**
     * The segments of plain text extracted from a file Okapi cannot round-trip: paragraphs (separated by blank lines)
     * split into sentences. The result has {@code roundTrip == false}.
     *
     * @param language BCP 47 tag picking the sentence rules, or null for the default rules
     */
    public ExtractedSegments segmentText(String text, String language) {
        Objects.requireNonNull(text, "text");
        return bounded(() -> new ExtractedSegments(
                plainText.segment(text, language, properties.maxSegmentsPerFile()), false, "text"));
    }

    /**
     * Writes the original file with the given translations merged in, in the file's own format (UTF-8 where the format
     * has a text encoding). Segments without a translation keep their source text.
     *
     * @throws org.verso.library.ConflictException ({@code segments-out-of-date}) when a translation's source does not
     *     match the file any more
     * @throws InvalidInputException ({@code invalid-segment-markup}) when a target's markup is malformed or does not
     *     use each of the source's codes exactly once
     */
    public void merge(
            InputStream original,
            SourceFile file,
            String targetLanguage,
            List<SegmentTranslation> translations,
            OutputStream out) {
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        OkapiFormat format = formatOf(file);
        withSpooled(original, path -> {
            engine.merge(input(path, format, file), targetLanguage, translations, out, timeLimit());
            return null;
        });
    }

    /**
     * The translations a bilingual file (XLIFF, PO) already holds for a language, unit by unit in document order, in
     * the inline markup. For monolingual formats the list is empty.
     */
    public List<UnitTarget> targets(InputStream in, SourceFile file, String targetLanguage) {
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        OkapiFormat format = formatOf(file);
        return withSpooled(in, path -> engine.targets(input(path, format, file), targetLanguage, timeLimit()));
    }

    @Override
    public void close() {
        bounded.shutdownNow();
    }

    private OkapiFormat formatOf(SourceFile file) {
        return OkapiFormat.of(file.mediaType(), file.fileName())
                .orElseThrow(() -> new UnsupportedTypeException(
                        "not-round-trip",
                        "Okapi cannot round-trip files of type " + file.mediaType()
                                + "; their text is segmented instead and a translation will come out as a new DOCX."));
    }

    private static OkapiEngine.Input input(Path path, OkapiFormat format, SourceFile file) {
        return new OkapiEngine.Input(path, format, file.language(), file.charset());
    }

    private Duration timeLimit() {
        return properties.timeLimit();
    }

    private interface SpooledWork<T> {
        T run(Path file);
    }

    /** Copies the stream to a temporary file (the filters of zip formats need random access), then works on it. */
    private <T> T withSpooled(InputStream in, SpooledWork<T> work) {
        Objects.requireNonNull(in, "in");
        Path spooled = null;
        try {
            spooled = Files.createTempFile("verso-segmentation-", ".bin");
            Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            Path file = spooled;
            return bounded(() -> work.run(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a file to segment", e);
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    /**
     * Runs work on a daemon thread and waits at most the time limit: a filter stuck inside one call (which the walk's
     * own deadline check cannot see) is interrupted and abandoned rather than holding the caller.
     */
    private <T> T bounded(Callable<T> work) {
        Future<T> future = bounded.submit(work);
        Duration limit = timeLimit();
        try {
            // a little longer than the limit, so the walk's own check usually answers first
            return future.get(limit.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new InvalidInputException(
                    "segmentation-timed-out",
                    "Segmenting the file took longer than the limit of " + limit.toSeconds() + " s.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while segmenting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof OutOfMemoryError) {
                throw new InvalidInputException(
                        "unreadable-file", "Segmenting the file ran out of memory; it is too large or malformed.");
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
