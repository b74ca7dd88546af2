package org.verso.translation.internal;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.IResource;
import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.Range;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.Segment;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextPart;
import org.verso.library.ConflictException;
import org.verso.library.InvalidInputException;
import org.verso.library.TooLargeException;
import org.verso.translation.ExtractedSegment;
import org.verso.translation.SegmentPlace;
import org.verso.translation.SegmentTranslation;
import org.verso.translation.UnitTarget;

/**
 * Drives Okapi filters: extracts the segments of a file (filter, then SRX segmentation of every translatable unit
 * that the file does not segment itself), and merges target texts back into the original format with the filter's
 * writer. Extraction and merge walk the file the same way, so segment {@code i} of a merge is segment {@code i} of the
 * extraction of the same bytes with the same rules. The extraction records where the rules put each segment in its text
 * unit ({@link SegmentPlace}); a merge whose translations all carry their place splits only the units they name, at
 * those places, instead of running the rules over the whole file again (the rules are most of a merge's time).
 *
 * <p>Thread-safe: each call makes its own filter and segmenter. Failures surface as the library's domain exceptions
 * with a human reason (see {@link OkapiFailures}); the walk checks its deadline between filter events.
 */
public final class OkapiEngine {
    private final SrxRules rules;

    public OkapiEngine(SrxRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A file to walk: its path, format, text language and character set hint. */
    public record Input(Path file, OkapiFormat format, String language, String charset) {
        public Input {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * The segments of a file.
     *
     * @throws TooLargeException ({@code too-many-segments}) past {@code maxSegments}
     * @throws org.verso.library.InvalidInputException when the file cannot be read (see {@link OkapiFailures})
     */
    public List<ExtractedSegment> extract(Input input, int maxSegments, Duration timeLimit) {
        List<ExtractedSegment> segments = new ArrayList<>();
        walk(input, null, timeLimit, new Visitor() {
            @Override
            public void segment(ITextUnit unit, Segment segment, int index, SegmentPlace place) {
                if (index >= maxSegments) {
                    throw new TooLargeException(
                            "too-many-segments", "The file has more than " + maxSegments + " segments.");
                }
                TextFragment content = segment.getContent();
                segments.add(new ExtractedSegment(
                        index,
                        unit.getId(),
                        InlineMarkup.toMarkup(content),
                        InlineMarkup.plainText(content),
                        InlineMarkup.originalCodes(content),
                        place));
            }
        });
        return segments;
    }

    /**
     * The target texts that a bilingual file (XLIFF, PO) holds for a language, unit by unit in document order; only
     * units that have segments count, and those without a target (or with a blank one) are left out.
     */
    public List<UnitTarget> targets(Input input, String targetLanguage, Duration timeLimit) {
        LocaleId target = Locales.of(targetLanguage);
        List<UnitTarget> targets = new ArrayList<>();
        walk(input, target, timeLimit, new Visitor() {
            private ITextUnit withSegments;

            @Override
            public void segment(ITextUnit unit, Segment segment, int index, SegmentPlace place) {
                withSegments = unit;
            }

            @Override
            public void event(Event event, boolean segmentedHere) {
                if (event.isTextUnit() && event.getTextUnit() == withSegments && withSegments.hasTarget(target)) {
                    ITextUnit unit = event.getTextUnit();
                    TextFragment content = unit.getTarget(target).getUnSegmentedContentCopy();
                    if (!InlineMarkup.plainText(content).isBlank()) {
                        targets.add(new UnitTarget(unit.getId(), InlineMarkup.toMarkup(content)));
                    }
                }
            }
        });
        return targets;
    }

    /**
     * Writes the file with the given targets in place of their source segments (others keep their source text),
     * through the format's own filter writer.
     *
     * <p>When every translation carries its {@link SegmentPlace}, only the text units they name are split, at those
     * places (the rest of the file is written as the filter read it); otherwise every unit the file does not segment
     * itself is segmented again with the rules and translation {@code i} goes to segment {@code i}.
     *
     * @throws ConflictException ({@code segments-out-of-date}) when a translation's source no longer matches the
     *     file's segment at that index or place, or its place is not in the file
     * @throws org.verso.library.InvalidInputException ({@code invalid-segment-markup}) for a malformed target
     */
    public void merge(
            Input input,
            String targetLanguage,
            List<SegmentTranslation> translations,
            OutputStream out,
            Duration timeLimit) {
        Map<Integer, SegmentTranslation> byIndex = new HashMap<>();
        translations.forEach(t -> byIndex.put(t.index(), t));
        Places places = Places.of(translations);
        LocaleId target = Locales.of(targetLanguage);
        FileSniffer sniffer = FileSniffer.of(input.file());
        OkapiFormat format = formatOf(input, sniffer);
        if (format.isXliff()) {
            sniffer.declaredTargetLanguage()
                    .filter(declared -> !Locales.of(declared).sameLanguageAs(target))
                    .ifPresent(declared -> {
                        throw new InvalidInputException(
                                "target-language-mismatch",
                                "The XLIFF file is for target language " + declared + ", not " + targetLanguage + ".");
                    });
        }
        IFilter filter = format.newFilter();
        try (IFilterWriter writer = filter.createFilterWriter()) {
            writer.setOptions(target, "UTF-8");
            writer.setOutput(out);
            int[] seen = {0};
            int[] applied = {0};
            ITextUnit[] lastTranslated = {null};
            int units = walk(input, filter, target, timeLimit, places, new Visitor() {
                @Override
                public void segment(ITextUnit unit, Segment segment, int index, SegmentPlace place) {
                    seen[0] = index + 1;
                    SegmentTranslation translation =
                            places == null ? byIndex.get(index) : place == null ? null : places.at(place);
                    if (translation == null) {
                        return;
                    }
                    applied[0]++;
                    String source = InlineMarkup.toMarkup(segment.getContent());
                    if (!source.equals(translation.source())) {
                        throw outOfDate("segment " + translation.index() + " of the file reads \"" + shorten(source)
                                + "\", not \"" + shorten(translation.source()) + "\"");
                    }
                    if (lastTranslated[0] != unit) {
                        // the target starts as a copy of the segmented source (replacing any target the file has)
                        unit.createTarget(target, true, IResource.COPY_ALL);
                        lastTranslated[0] = unit;
                    }
                    Segment slot = unit.getTargetSegments(target).get(segment.getId());
                    slot.setContent(InlineMarkup.fromMarkup(translation.target(), segment.getContent()));
                }

                @Override
                public void event(Event event, boolean segmentedHere) {
                    if (segmentedHere) {
                        desegment(event.getTextUnit(), target);
                    }
                    writer.handleEvent(event);
                }
            });
            if (places == null) {
                int unmatched = (int)
                        byIndex.keySet().stream().filter(i -> i >= seen[0]).count();
                if (unmatched > 0) {
                    throw outOfDate(
                            "the file has " + seen[0] + " segments, " + unmatched + " translations point past its end");
                }
            } else {
                int unmatched = (int) translations.stream()
                        .filter(t -> t.place().unit() >= units)
                        .count();
                if (unmatched > 0) {
                    throw outOfDate(
                            "the file has " + units + " text units, " + unmatched + " translations point past its end");
                }
                if (applied[0] < translations.size()) {
                    throw outOfDate((translations.size() - applied[0])
                            + " translations' places hold no segment of the file any more");
                }
            }
        }
    }

    private void walk(Input input, LocaleId target, Duration timeLimit, Visitor visitor) {
        walk(input, formatOf(input, FileSniffer.of(input.file())).newFilter(), target, timeLimit, null, visitor);
    }

    /** The format to read: XLIFF 1.2 and 2 share media types, so the file's own version decides. */
    private static OkapiFormat formatOf(Input input, FileSniffer sniffer) {
        return input.format().isXliff()
                ? (sniffer.isXliff2() ? OkapiFormat.XLIFF2 : OkapiFormat.XLIFF)
                : input.format();
    }

    /**
     * Walks the file's events; splits each translatable unit the file does not segment itself with the rules, or, with
     * {@code places}, only the units they name at those places. Returns how many translatable units the file has.
     */
    private int walk(Input input, IFilter filter, LocaleId target, Duration timeLimit, Places places, Visitor visitor) {
        FileSniffer sniffer = FileSniffer.of(input.file());
        OkapiFormat format = formatOf(input, sniffer);
        if (format == OkapiFormat.DOCX && sniffer.isOle2()) {
            throw new InvalidInputException(
                    "encrypted-file",
                    "The file is an encrypted or password-protected Office document (not a plain DOCX package), so it"
                            + " cannot be segmented.");
        }
        if (format == OkapiFormat.ODF && FileSniffer.isEncryptedOpenDocument(input.file())) {
            throw new InvalidInputException(
                    "encrypted-file", "The file is a password-protected OpenDocument, so it cannot be segmented.");
        }
        if (format == OkapiFormat.XLIFF) {
            FileSniffer.externalItsReference(input.file()).ifPresent(reference -> {
                throw new InvalidInputException(
                        "external-reference",
                        "The XLIFF file refers to data in another file or at a URL (" + shorten(reference)
                                + "); Verso never loads such references, so the file is not segmented.");
            });
        }
        String language =
                format.isXliff() ? sniffer.declaredSourceLanguage().orElse(input.language()) : input.language();
        LocaleId source = Locales.of(language);
        ISegmenter segmenter = rules.segmenter(language);
        long deadline = System.nanoTime() + timeLimit.toNanos();
        try (RawDocument raw = new RawDocument(
                input.file().toUri(), sniffer.encoding(input.charset()), source, target == null ? source : target)) {
            filter.open(raw);
            int index = 0;
            int units = 0;
            while (filter.hasNext()) {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    filter.cancel();
                    throw OkapiFailures.timedOut(timeLimit);
                }
                Event event = filter.next();
                boolean segmentedHere = false;
                if (event.isTextUnit() && event.getTextUnit().isTranslatable()) {
                    ITextUnit unit = event.getTextUnit();
                    TextContainer container = unit.getSource();
                    int ordinal = units++;
                    if (places == null) {
                        if (!container.hasBeenSegmented()) {
                            segmenter.computeSegments(container);
                            container.getSegments().create(segmenter.getRanges());
                            segmentedHere = true;
                        }
                    } else {
                        segmentedHere = places.split(ordinal, container);
                    }
                    if (places == null || segmentedHere) {
                        index = visitSegments(unit, ordinal, segmentedHere, index, visitor);
                    }
                }
                visitor.event(event, segmentedHere);
            }
            return units;
        } catch (RuntimeException | StackOverflowError e) {
            throw OkapiFailures.explain(e, format);
        } finally {
            filter.close();
        }
    }

    /**
     * Visits the unit's segments with text, numbered from {@code index}, each with its place in the unit where this
     * walk split it; returns the next index.
     */
    private static int visitSegments(ITextUnit unit, int ordinal, boolean splitHere, int index, Visitor visitor) {
        int at = 0;
        for (TextPart part : unit.getSource()) {
            int length = part.getContent().length();
            if (part.isSegment() && hasText((Segment) part)) {
                SegmentPlace place = splitHere ? new SegmentPlace(ordinal, at, at + length) : null;
                visitor.segment(unit, (Segment) part, index++, place);
            }
            at += length;
        }
        return index;
    }

    /**
     * The stored places of a merge's translations, unit by unit: splits a unit at them as the extraction's rules did
     * (the text between and around them stays in the unit as it is, so the unit joins back to the same content).
     */
    private static final class Places {
        private final Map<SegmentPlace, SegmentTranslation> byPlace = new HashMap<>();
        private final Map<Integer, List<SegmentPlace>> byUnit = new HashMap<>();

        /** The places of the translations, or null when one of them has none (data stored before places were). */
        static Places of(List<SegmentTranslation> translations) {
            if (!translations.stream().allMatch(t -> t.place() != null)) {
                return null;
            }
            Places places = new Places();
            for (SegmentTranslation t : translations) {
                places.byPlace.put(t.place(), t);
                places.byUnit
                        .computeIfAbsent(t.place().unit(), k -> new ArrayList<>())
                        .add(t.place());
            }
            places.byUnit.values().forEach(list -> list.sort(Comparator.comparingInt(SegmentPlace::start)));
            return places;
        }

        SegmentTranslation at(SegmentPlace place) {
            return byPlace.get(place);
        }

        /** Splits the unit at its translations' places; false, leaving it alone, when none is in it. */
        boolean split(int ordinal, TextContainer container) {
            List<SegmentPlace> inUnit = byUnit.get(ordinal);
            if (inUnit == null) {
                return false;
            }
            if (container.hasBeenSegmented()) {
                throw outOfDate("text unit " + ordinal + " of the file is segmented by the file itself now");
            }
            int length = 0;
            for (TextPart part : container) {
                length += part.getContent().length();
            }
            List<Range> ranges = new ArrayList<>(inUnit.size());
            int after = 0;
            for (SegmentPlace place : inUnit) {
                if (place.start() < after || place.end() > length) {
                    throw outOfDate("text unit " + ordinal + " of the file has no segment at " + place.start() + "–"
                            + place.end() + " (" + length + " characters)");
                }
                ranges.add(new Range(place.start(), place.end()));
                after = place.end();
            }
            container.getSegments().create(ranges);
            return true;
        }
    }

    /**
     * Joins the segments of a unit back into one before it is written, as Okapi's desegmentation step does: some
     * writers (OpenXML) drop the whitespace between segments otherwise.
     */
    private static void desegment(ITextUnit unit, LocaleId target) {
        unit.getSource().getSegments().joinAll();
        if (unit.hasTarget(target)) {
            unit.getTarget(target).getSegments().joinAll();
        }
    }

    private static ConflictException outOfDate(String why) {
        return new ConflictException(
                "segments-out-of-date", "The stored segments no longer match the file: " + why + ".");
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** Whether a segment has text to translate: not only codes and white space (including no-break spaces). */
    private static boolean hasText(Segment segment) {
        return !InlineMarkup.plainText(segment.getContent())
                .codePoints()
                .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private interface Visitor {
        /**
         * A segment with text, in document order; {@code index} counts only such segments; {@code place} where the
         * walk split the unit (null where the file segments itself). With stored places, only the segments at them.
         */
        void segment(ITextUnit unit, Segment segment, int index, SegmentPlace place);

        /** Every filter event, after its segments; {@code segmentedHere} when our rules segmented its text unit. */
        default void event(Event event, boolean segmentedHere) {}
    }
}
