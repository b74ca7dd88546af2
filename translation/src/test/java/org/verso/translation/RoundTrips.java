package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.verso.translation.internal.InlineMarkup;

/**
 * Proves that a file round-trips: extract → write targets → merge with Okapi's filter writer → re-extract. Checked
 * twice: with target = source (the re-extracted segments equal the original ones exactly), and with every letter of
 * the text changed (ROT13 for Latin, a shift by 16 for Cyrillic), codes left alone, so the merged file must really
 * carry the targets: its text is the transformed text and its inline codes keep their order and pairing.
 */
final class RoundTrips {
    private static final Pattern TAG_OR_ENTITY = Pattern.compile("<[^>]*>|&[a-z]+;");
    private static final Pattern TARGET_LANGUAGE =
            Pattern.compile("\\s(?:target-language|trgLang)\\s*=\\s*[\"']([A-Za-z0-9_-]{2,35})[\"']");

    private RoundTrips() {}

    /** Checks the round trip of a file and returns its segments. */
    static ExtractedSegments check(Segmentation segmentation, byte[] original, SourceFile file, boolean bilingual) {
        ExtractedSegments extracted = extract(segmentation, original, file);
        String target = targetLanguage(original);

        // target = source: the merged file yields the same segments
        byte[] same = merge(segmentation, original, file, target, extracted, UnaryOperator.identity());
        ExtractedSegments again = extract(segmentation, same, file);
        assertThat(pairs(again)).as("segments after merging target = source").isEqualTo(pairs(extracted));
        if (bilingual) {
            assertTargetsInOrder(segmentation, same, file, target, extracted, UnaryOperator.identity());
        }

        if (bilingual) {
            // the source stays as it was; the targets are written, each wrapped in ⟦…⟧ (changing letters could turn
            // text into a placeholder the format's code finder knows, such as %G in PO)
            UnaryOperator<String> wrap = text -> "⟦" + text + "⟧";
            byte[] wrapped = mergeMarkup(segmentation, original, file, target, extracted, wrap);
            assertThat(pairs(extract(segmentation, wrapped, file)))
                    .as("the source of a bilingual file stays as it was")
                    .isEqualTo(pairs(extracted));
            String targets = assertTargetsInOrder(segmentation, wrapped, file, target, extracted, wrap);
            assertThat(targets.chars().filter(c -> c == '⟦').count())
                    .as("targets written")
                    .isEqualTo(extracted.count());
        } else {
            // every letter changed, codes left alone: the merged file carries the targets, codes intact
            byte[] changed = merge(segmentation, original, file, target, extracted, RoundTrips::rotate);
            ExtractedSegments merged = extract(segmentation, changed, file);
            assertThat(squash(merged.segments().stream().map(ExtractedSegment::text)))
                    .as("text of the merged file")
                    .isEqualTo(squash(extracted.segments().stream().map(s -> rotate(s.text()))));
            assertThat(skeleton(merged.segments().stream().map(ExtractedSegment::source)))
                    .as("inline codes of the merged file")
                    .isEqualTo(skeleton(extracted.segments().stream().map(ExtractedSegment::source)));
        }
        return extracted;
    }

    static ExtractedSegments extract(Segmentation segmentation, byte[] bytes, SourceFile file) {
        return segmentation.extract(new ByteArrayInputStream(bytes), file);
    }

    /** Merges with each target = the change applied to the whole source markup. */
    static byte[] mergeMarkup(
            Segmentation segmentation,
            byte[] original,
            SourceFile file,
            String targetLanguage,
            ExtractedSegments extracted,
            UnaryOperator<String> change) {
        List<SegmentTranslation> translations = extracted.segments().stream()
                .map(s -> new SegmentTranslation(s.index(), s.source(), change.apply(s.source())))
                .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segmentation.merge(new ByteArrayInputStream(original), file, targetLanguage, translations, out);
        return out.toByteArray();
    }

    static byte[] merge(
            Segmentation segmentation,
            byte[] original,
            SourceFile file,
            String targetLanguage,
            ExtractedSegments extracted,
            UnaryOperator<String> translate) {
        List<SegmentTranslation> translations = extracted.segments().stream()
                .map(s -> new SegmentTranslation(s.index(), s.source(), translateText(s.source(), translate)))
                .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segmentation.merge(new ByteArrayInputStream(original), file, targetLanguage, translations, out);
        return out.toByteArray();
    }

    /** The target language an XLIFF declares, else Russian. */
    static String targetLanguage(byte[] original) {
        Matcher m = TARGET_LANGUAGE.matcher(
                new String(original, 0, Math.min(original.length, 65536), StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : "ru";
    }

    /** Applies a change to the text of markup only, leaving its elements and entities alone. */
    static String translateText(String markup, UnaryOperator<String> translate) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG_OR_ENTITY.matcher(markup);
        int at = 0;
        while (m.find()) {
            out.append(translate.apply(markup.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return out.append(translate.apply(markup.substring(at))).toString();
    }

    /** ROT13 for Latin letters, a shift by 16 within the 32 basic Cyrillic letters; case and all else kept. */
    static String rotate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + 13) % 26));
            } else if (c >= 'а' && c <= 'я') {
                out.append((char) ('а' + (c - 'а' + 16) % 32));
            } else if (c >= 'А' && c <= 'Я') {
                out.append((char) ('А' + (c - 'А' + 16) % 32));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<List<String>> pairs(ExtractedSegments segments) {
        return segments.segments().stream()
                .map(s -> List.of(s.source(), s.text()))
                .toList();
    }

    /**
     * Checks that the merged bilingual file's targets hold each segment's (changed) text, in document order; returns
     * all their text squashed.
     */
    private static String assertTargetsInOrder(
            Segmentation segmentation,
            byte[] merged,
            SourceFile file,
            String target,
            ExtractedSegments extracted,
            UnaryOperator<String> change) {
        String all = squash(segmentation.targets(new ByteArrayInputStream(merged), file, target).stream()
                .map(t -> InlineMarkup.plainText(t.target())));
        int at = 0;
        for (ExtractedSegment segment : extracted.segments()) {
            String expected = squash(Stream.of(change.apply(segment.text())));
            int found = all.indexOf(expected, at);
            assertThat(found)
                    .as("target of segment " + segment.index() + " (" + expected + ") in order in "
                            + abbreviate(all, at))
                    .isGreaterThanOrEqualTo(0);
            at = found + expected.length();
        }
        return all;
    }

    private static String abbreviate(String text, int from) {
        return text.substring(from, Math.min(text.length(), from + 200));
    }

    /** All texts joined with white space (including no-break spaces) removed: immune to changed segment borders. */
    static String squash(Stream<String> texts) {
        return texts.collect(Collectors.joining())
                .codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The inline codes only, as o (opening), c (closing) and x (standalone), in order. */
    static String skeleton(Stream<String> sources) {
        StringBuilder out = new StringBuilder();
        sources.forEach(source -> {
            Matcher m = TAG_OR_ENTITY.matcher(source);
            while (m.find()) {
                String tag = m.group();
                if (tag.startsWith("<g") || tag.startsWith("<bx")) {
                    out.append('o');
                } else if (tag.startsWith("</g") || tag.startsWith("<ex")) {
                    out.append('c');
                } else if (tag.startsWith("<x")) {
                    out.append('x');
                }
            }
        });
        return out.toString();
    }
}
