package org.verso.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries found by one cheap scan, for snippets: after a run of sentence-ending punctuation ({@code . ! ?
 * … ; ।} and their CJK forms) followed by white space or a CJK full stop, and at line breaks. Far cheaper than the
 * JDK's rule-based sentence iterator, which the highlighter consults many times per passage; good enough to start and
 * end a passage at a sentence where there is one. Not thread-safe (one per highlighter call, as the highlighter asks).
 */
final class Sentences extends BreakIterator {
    private CharacterIterator text = new StringCharacterIterator("");
    private int[] boundaries = {0};
    private int current;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        int begin = newText.getBeginIndex();
        int end = newText.getEndIndex();
        int[] found = new int[16];
        int count = 0;
        found[count++] = begin;
        boolean ended = false;
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            int at = newText.getIndex();
            boolean fullStop = c == '。' || c == '！' || c == '？';
            if (c == '\n' || fullStop || (ended && Character.isWhitespace(c))) {
                int boundary = at + 1;
                if (boundary < end && boundary > found[count - 1]) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = boundary;
                }
                ended = false;
            } else {
                ended = c == '.' || c == '!' || c == '?' || c == '…' || c == ';' || c == '।' || (ended && c == '"');
            }
        }
        if (end > found[count - 1]) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count + 1);
            }
            found[count++] = end;
        }
        boundaries = Arrays.copyOf(found, count);
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        current = 0;
        return boundaries[0];
    }

    @Override
    public int last() {
        current = boundaries.length - 1;
        return boundaries[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= boundaries.length) {
            current = target < 0 ? 0 : boundaries.length - 1;
            return DONE;
        }
        current = target;
        return boundaries[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        int at = Arrays.binarySearch(boundaries, offset);
        int index = at >= 0 ? at + 1 : -at - 1;
        if (index >= boundaries.length) {
            current = boundaries.length - 1;
            return DONE;
        }
        current = index;
        return boundaries[current];
    }

    @Override
    public int preceding(int offset) {
        int at = Arrays.binarySearch(boundaries, offset);
        int index = at >= 0 ? at - 1 : -at - 2;
        if (index < 0) {
            current = 0;
            return DONE;
        }
        current = index;
        return boundaries[current];
    }

    @Override
    public int current() {
        return boundaries[current];
    }
}
