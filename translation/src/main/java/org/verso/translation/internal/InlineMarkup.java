package org.verso.translation.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import org.verso.library.InvalidInputException;
import org.verso.translation.OriginalCode;

/**
 * Converts Okapi's coded text to and from Verso's portable inline markup, modelled on XLIFF 1.2 inline elements:
 * {@code <g id="1">…</g>} for a pair of codes around text (bold, a link), {@code <x id="2"/>} for a standalone code (a
 * line break, an image, a field), {@code <bx id="3"/>}/{@code <ex id="3"/>} for the opening or closing half of a pair
 * whose other half lies in another segment (or pairs that overlap). Text is escaped as in XML ({@code &amp;},
 * {@code &lt;}, {@code &gt;}).
 *
 * <p>The markup keeps only the code ids; the codes themselves (the original formatting) stay in the original file and
 * are taken from the source segment when a target is merged back. Stateless and thread-safe.
 */
public final class InlineMarkup {
    private static final Pattern TOKEN =
            Pattern.compile("<g id=\"(\\d+)\">|</g>|<(x|bx|ex) id=\"(\\d+)\"/>|&(lt|gt|amp|quot|apos);|<");

    private InlineMarkup() {}

    /** The markup of a fragment: text escaped, codes as {@code g}, {@code x}, {@code bx}, {@code ex} elements. */
    public static String toMarkup(TextFragment fragment) {
        String coded = fragment.getCodedText();
        List<Code> codes = fragment.getCodes();
        Set<Integer> nested = properlyNestedPairs(coded, codes);
        StringBuilder out = new StringBuilder(coded.length() + 16);
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                Code code = codes.get(TextFragment.toIndex(coded.charAt(++i)));
                appendCode(out, c, code, nested.contains(code.getId()));
            } else {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }

    /**
     * The original data of a fragment's codes (what the file holds for each: a DOCX run's properties, an HTML tag), by
     * id and role; codes without data are left out, and characters XML 1.0 cannot hold are dropped.
     */
    public static List<OriginalCode> originalCodes(TextFragment fragment) {
        Map<String, OriginalCode> codes = new java.util.LinkedHashMap<>();
        for (Code code : fragment.getCodes()) {
            String data = code.getData();
            if (data == null || data.isEmpty()) {
                continue;
            }
            OriginalCode.Role role =
                    switch (code.getTagType()) {
                        case OPENING -> OriginalCode.Role.OPENING;
                        case CLOSING -> OriginalCode.Role.CLOSING;
                        default -> OriginalCode.Role.STANDALONE;
                    };
            String xml = data.codePoints()
                    .filter(InlineMarkup::xmlChar)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            codes.putIfAbsent(code.getId() + "/" + role, new OriginalCode(code.getId(), role, xml));
        }
        return List.copyOf(codes.values());
    }

    private static boolean xmlChar(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }

    /** The text of a fragment with every code left out. */
    public static String plainText(TextFragment fragment) {
        String coded = fragment.getCodedText();
        StringBuilder out = new StringBuilder(coded.length());
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A piece of markup: {@code TEXT}, {@code START}, {@code END} or {@code STANDALONE}, with its text or code id. */
    public record Piece(String kind, String text, int code) {}

    /** The pieces of a markup string in order; a stray {@code <} or unmatched {@code </g>} reads as text. */
    public static List<Piece> pieces(String markup) {
        List<Piece> pieces = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        Matcher m = TOKEN.matcher(markup);
        int at = 0;
        while (m.find()) {
            text.append(markup, at, m.start());
            at = m.end();
            String token = m.group();
            if (m.group(4) != null) {
                text.append(unescape(m.group(4)));
                continue;
            }
            if (token.equals("<") || (token.equals("</g>") && open.isEmpty())) {
                text.append(token);
                continue;
            }
            flush(pieces, text);
            if (m.group(1) != null) {
                int id = Integer.parseInt(m.group(1));
                open.push(id);
                pieces.add(new Piece("START", "", id));
            } else if (token.equals("</g>")) {
                pieces.add(new Piece("END", "", open.pop()));
            } else {
                String kind = m.group(2).equals("bx") ? "START" : m.group(2).equals("ex") ? "END" : "STANDALONE";
                pieces.add(new Piece(kind, "", Integer.parseInt(m.group(3))));
            }
        }
        text.append(markup, at, markup.length());
        flush(pieces, text);
        return pieces;
    }

    /**
     * The code pieces of a markup string in order, as {@link #pieces} finds them ({@code START}, {@code END},
     * {@code STANDALONE}, with empty text), without building its text: every {@code <} is read where it stands, as no
     * element or entity of the markup holds another.
     */
    public static List<Piece> codes(String markup) {
        List<Piece> codes = new ArrayList<>(4);
        Deque<Integer> open = null;
        for (int at = markup.indexOf('<'); at >= 0; at = markup.indexOf('<', at + 1)) {
            if (markup.startsWith("</g>", at)) {
                if (open != null && !open.isEmpty()) {
                    codes.add(new Piece("END", "", open.pop()));
                }
                continue;
            }
            String kind = markup.startsWith("<g id=\"", at)
                    ? "g"
                    : markup.startsWith("<x id=\"", at)
                            ? "STANDALONE"
                            : markup.startsWith("<bx id=\"", at)
                                    ? "START"
                                    : markup.startsWith("<ex id=\"", at) ? "END" : null;
            if (kind == null) {
                continue; // a stray '<', text
            }
            int digits = markup.indexOf('"', at) + 1;
            int end = digits;
            while (end < markup.length() && markup.charAt(end) >= '0' && markup.charAt(end) <= '9') {
                end++;
            }
            String close = kind.equals("g") ? "\">" : "\"/>";
            if (end == digits || !markup.startsWith(close, end)) {
                continue; // not an element of the markup after all: text
            }
            int id = Integer.parseInt(markup, digits, end, 10);
            if (kind.equals("g")) {
                if (open == null) {
                    open = new ArrayDeque<>();
                }
                open.push(id);
                codes.add(new Piece("START", "", id));
            } else {
                codes.add(new Piece(kind, "", id));
            }
        }
        return codes;
    }

    private static void flush(List<Piece> pieces, StringBuilder text) {
        if (!text.isEmpty()) {
            pieces.add(new Piece("TEXT", text.toString(), 0));
            text.setLength(0);
        }
    }

    /** The plain text of a markup string: its text unescaped, its elements left out. */
    public static String plainText(String markup) {
        StringBuilder out = new StringBuilder(markup.length());
        Matcher m = TOKEN.matcher(markup);
        int at = 0;
        while (m.find()) {
            out.append(markup, at, m.start());
            if (m.group(4) != null) {
                out.append(unescape(m.group(4)));
            } else if (m.group().equals("<")) {
                out.append('<');
            }
            at = m.end();
        }
        return out.append(markup, at, markup.length()).toString();
    }

    /**
     * Builds a fragment from target markup, taking each code from the source fragment by id. Every code of the source
     * must appear exactly once, with the same role (a pair stays a pair, a standalone code stays standalone), so the
     * merged file keeps all its formatting; codes may be reordered.
     *
     * @throws InvalidInputException {@code invalid-segment-markup} when the markup is malformed, names a code the
     *     source does not have, or leaves one out
     */
    public static TextFragment fromMarkup(String markup, TextFragment source) {
        Map<String, Deque<Code>> unused = new HashMap<>();
        for (Code code : source.getCodes()) {
            unused.computeIfAbsent(key(code.getTagType(), code.getId()), k -> new ArrayDeque<>())
                    .add(code);
        }
        List<Code> codes = new ArrayList<>();
        StringBuilder coded = new StringBuilder(markup.length());
        Deque<Integer> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(markup);
        int at = 0;
        while (m.find()) {
            coded.append(markup, at, m.start());
            at = m.end();
            String token = m.group();
            if (m.group(1) != null) {
                int id = Integer.parseInt(m.group(1));
                addCode(coded, codes, unused, TagType.OPENING, id, TextFragment.MARKER_OPENING, markup);
                open.push(id);
            } else if (token.equals("</g>")) {
                if (open.isEmpty()) {
                    throw invalid("a </g> closes nothing", markup);
                }
                addCode(coded, codes, unused, TagType.CLOSING, open.pop(), TextFragment.MARKER_CLOSING, markup);
            } else if (m.group(2) != null) {
                int id = Integer.parseInt(m.group(3));
                TagType type =
                        switch (m.group(2)) {
                            case "bx" -> TagType.OPENING;
                            case "ex" -> TagType.CLOSING;
                            default -> TagType.PLACEHOLDER;
                        };
                addCode(coded, codes, unused, type, id, TextFragment.MARKER_ISOLATED, markup);
            } else if (m.group(4) != null) {
                coded.append(unescape(m.group(4)));
            } else {
                throw invalid("a '<' that starts no known inline element (write &lt; for the character)", markup);
            }
        }
        coded.append(markup, at, markup.length());
        if (!open.isEmpty()) {
            throw invalid("<g id=\"" + open.peek() + "\"> is never closed", markup);
        }
        List<String> missing = unused.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw invalid("the source's inline codes " + missing + " are missing", markup);
        }
        TextFragment fragment = new TextFragment(coded.toString(), codes);
        fragment.balanceMarkers();
        return fragment;
    }

    private static void addCode(
            StringBuilder coded,
            List<Code> codes,
            Map<String, Deque<Code>> unused,
            TagType type,
            int id,
            int marker,
            String markup) {
        String key = key(type, id);
        Deque<Code> left = unused.get(key);
        if (left == null) {
            throw invalid("the source has no inline code " + key, markup);
        }
        Code code = left.poll();
        if (code == null) {
            throw invalid("the inline code " + key + " appears more often than in the source", markup);
        }
        coded.append((char) marker).append(TextFragment.toChar(codes.size()));
        codes.add(code.clone());
    }

    private static String key(TagType type, int id) {
        return switch (type) {
            case OPENING -> "open " + id;
            case CLOSING -> "close " + id;
            default -> "standalone " + id;
        };
    }

    private static InvalidInputException invalid(String why, String markup) {
        String shown = markup.length() > 200 ? markup.substring(0, 200) + "…" : markup;
        return new InvalidInputException("invalid-segment-markup", "Invalid segment markup: " + why + ": " + shown);
    }

    private static void appendCode(StringBuilder out, char marker, Code code, boolean nested) {
        int id = code.getId();
        if (marker == TextFragment.MARKER_OPENING && nested) {
            out.append("<g id=\"").append(id).append("\">");
        } else if (marker == TextFragment.MARKER_CLOSING && nested) {
            out.append("</g>");
        } else if (code.getTagType() == TagType.OPENING) {
            out.append("<bx id=\"").append(id).append("\"/>");
        } else if (code.getTagType() == TagType.CLOSING) {
            out.append("<ex id=\"").append(id).append("\"/>");
        } else {
            out.append("<x id=\"").append(id).append("\"/>");
        }
    }

    /** Ids of the opening/closing pairs that nest properly, so they can be written as {@code <g>}. */
    private static Set<Integer> properlyNestedPairs(String coded, List<Code> codes) {
        Set<Integer> ok = new HashSet<>();
        Set<Integer> broken = new HashSet<>();
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (!TextFragment.isMarker(c)) {
                continue;
            }
            int id = codes.get(TextFragment.toIndex(coded.charAt(++i))).getId();
            if (c == TextFragment.MARKER_OPENING) {
                stack.push(id);
            } else if (c == TextFragment.MARKER_CLOSING) {
                if (!stack.isEmpty() && stack.peek().intValue() == id) {
                    stack.pop();
                    ok.add(id);
                } else {
                    broken.add(id);
                    stack.remove(Integer.valueOf(id));
                }
            }
        }
        broken.addAll(stack);
        ok.removeAll(broken);
        return ok;
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            default -> out.append(c);
        }
    }

    private static String unescape(String entity) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> "'";
        };
    }
}
