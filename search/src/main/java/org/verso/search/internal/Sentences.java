package org.verso.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets: after a run of sentence-ending punctuation ({@code . ! ? … ; ।}, closing quotes
 * allowed after it) followed by white space, after a CJK full stop ({@code 。！？}) and after a line break. Whether a
 * position is a boundary depends only on the few characters before it, so boundaries are found where the highlighter
 * asks, around its matches, instead of by scanning the whole text first: a match near the start of a long manual
 * costs the same as in a short text. Far cheaper than the JDK's rule-based sentence iterator; good enough to start
 * and end a passage at a sentence where there is one. Not thread-safe (one per highlighter call, as the highlighter
 * asks).
 */
final class Sentences extends BreakIterator {
    /** Characters a lookup scans before it finds every boundary of the text once and searches those instead. */
    private static final int LOCAL_SCAN = 4096;

    private String text = "";
    private int current;
    /** Every boundary, in order, once a lookup scanned far (a long text without punctuation); null until then. */
    private int[] all;

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
        all = null;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    /** Whether a sentence starts at {@code at} (0 and the end of the text always count). */
    @Override
    public boolean isBoundary(int at) {
        if (at <= 0 || at >= text.length()) {
            return true;
        }
        char before = text.charAt(at - 1);
        if (before == '\n' || before == '。' || before == '！' || before == '？') {
            return true;
        }
        if (!Character.isWhitespace(before)) {
            return false;
        }
        int i = at - 2;
        while (i >= 0 && text.charAt(i) == '"') {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = text.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == ';' || c == '।';
    }

    @Override
    public int first() {
        current = 0;
        return 0;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int step = 0; step < n && result != DONE; step++) {
            result = following(current);
        }
        for (int step = 0; step > n && result != DONE; step--) {
            result = preceding(current);
        }
        return result;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int following(int offset) {
        if (offset >= text.length()) {
            current = text.length();
            return DONE;
        }
        int at = Math.max(0, offset) + 1;
        for (int limit = at + LOCAL_SCAN; !isBoundary(at); at++) {
            if (at == limit) {
                int[] boundaries = all();
                int index = Arrays.binarySearch(boundaries, offset);
                at = boundaries[index >= 0 ? index + 1 : -index - 1];
                break;
            }
        }
        current = at;
        return at;
    }

    @Override
    public int preceding(int offset) {
        if (offset <= 0) {
            current = 0;
            return DONE;
        }
        if (offset > text.length()) {
            current = text.length();
            return current;
        }
        int at = offset - 1;
        for (int limit = at - LOCAL_SCAN; !isBoundary(at); at--) {
            if (at == limit) {
                int[] boundaries = all();
                int index = Arrays.binarySearch(boundaries, offset);
                at = boundaries[index >= 0 ? index - 1 : -index - 2];
                break;
            }
        }
        current = at;
        return at;
    }

    private int[] all() {
        if (all == null) {
            int[] found = new int[16];
            int count = 0;
            for (int at = 0; at <= text.length(); at++) {
                if (isBoundary(at)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = at;
                }
            }
            all = Arrays.copyOf(found, count);
        }
        return all;
    }

    @Override
    public int current() {
        return current;
    }
}
