package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void sentencesStartAfterEndingPunctuationAndWhiteSpaceAfterCjkFullStopsAndAfterLineBreaks() {
        Sentences sentences = new Sentences();
        String text = "Article 1. All are free! Are they? \"Yes.\" Next;\tthen\nline 3.14 ok 人人生而自由。在尊严上一律平等";
        sentences.setText(text);

        assertThat(walk(sentences))
                .containsExactly(
                        0,
                        text.indexOf("All"),
                        text.indexOf("Are"),
                        text.indexOf("\"Yes"),
                        text.indexOf("Next"),
                        text.indexOf("then"),
                        text.indexOf("line"),
                        text.indexOf("在"),
                        text.length());
    }

    @Test
    void everyOffsetFindsTheSameBoundariesAsAWholeScan() {
        Random random = new Random(42);
        String[] pieces = {"word", " ", ".", "!", "?", "…", ";", "।", "\"", "\n", "。", "！", "？", "\t", "3.5", "  "};
        for (int n = 0; n < 200; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertAgreesWithWholeScan(text.toString());
        }
    }

    @Test
    void aLongTextWithoutPunctuationHasItsEndsAsOnlyBoundaries() {
        String text = "word ".repeat(5_000) + "end. After" + " more".repeat(2_000);
        assertAgreesWithWholeScan(text);
        Sentences sentences = new Sentences();
        sentences.setText(text);

        assertThat(sentences.following(10)).isEqualTo(text.indexOf("After"));
        assertThat(sentences.preceding(text.length() - 3)).isEqualTo(text.indexOf("After"));
        assertThat(sentences.preceding(text.indexOf("After"))).isZero();
    }

    @Test
    void anEmptyTextHasOneBoundary() {
        Sentences sentences = new Sentences();
        sentences.setText("");

        assertThat(sentences.first()).isZero();
        assertThat(sentences.next()).isEqualTo(BreakIterator.DONE);
        assertThat(sentences.following(0)).isEqualTo(BreakIterator.DONE);
        assertThat(sentences.preceding(0)).isEqualTo(BreakIterator.DONE);
    }

    private static void assertAgreesWithWholeScan(String text) {
        List<Integer> expected = wholeScan(text);
        Sentences sentences = new Sentences();
        sentences.setText(text);
        assertThat(walk(sentences)).as(text).isEqualTo(expected);
        for (int offset = 0; offset <= text.length(); offset++) {
            int at = offset;
            int following = expected.stream().filter(b -> b > at).findFirst().orElse(BreakIterator.DONE);
            int preceding =
                    expected.stream().filter(b -> b < at).reduce((a, b) -> b).orElse(BreakIterator.DONE);
            assertThat(sentences.following(offset))
                    .as("following %d in %s", offset, text)
                    .isEqualTo(following);
            assertThat(sentences.preceding(offset))
                    .as("preceding %d in %s", offset, text)
                    .isEqualTo(preceding);
            assertThat(sentences.isBoundary(offset)).isEqualTo(expected.contains(offset));
        }
    }

    private static List<Integer> walk(Sentences sentences) {
        List<Integer> boundaries = new ArrayList<>();
        for (int b = sentences.first(); b != BreakIterator.DONE; b = sentences.next()) {
            boundaries.add(b);
        }
        return boundaries;
    }

    /** The rule as one scan from the start: the reference the lookups around an offset must agree with. */
    private static List<Integer> wholeScan(String text) {
        List<Integer> found = new ArrayList<>();
        found.add(0);
        boolean ended = false;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            boolean fullStop = c == '。' || c == '！' || c == '？';
            if (c == '\n' || fullStop || (ended && Character.isWhitespace(c))) {
                if (at + 1 < text.length() && at + 1 > found.get(found.size() - 1)) {
                    found.add(at + 1);
                }
                ended = false;
            } else {
                ended = c == '.' || c == '!' || c == '?' || c == '…' || c == ';' || c == '।' || (ended && c == '"');
            }
        }
        if (text.length() > found.get(found.size() - 1)) {
            found.add(text.length());
        }
        return found;
    }
}
