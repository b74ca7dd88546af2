package org.verso.ingest.internal.extract;

/**
 * Recognises text in a legacy charset (Windows-1251, CP866, KOI8-R, Shift_JIS, GB2312…) that has no magic number,
 * so that it is read as text rather than refused as unknown bytes: no NUL bytes and almost no control characters.
 */
final class TextSniffer {
    private TextSniffer() {}

    static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1a && c != 0x1b && c != 0x0e
                    && c != 0x0f) {
                control++;
            }
        }
        return control * 100 <= head.length;
    }
}
