package org.verso.translation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline-code checks: codes missing from the target, codes the source does not have (or twice), and codes
 * reordered where order matters. Word order changes between languages, so a standalone code or a pair may move; what
 * may not change is the order of the halves of pairs that span segments ({@code bx}/{@code ex}: they open and close
 * formatting across segments) and which pair lies inside which ({@code <g>} in {@code <g>}: bold inside a link stays
 * inside it). Codes are named as the editor shows them: by their position among the source's codes.
 */
final class CodeCheck {
    private static final Pattern CODE = Pattern.compile("<g id=\"(\\d+)\">|</g>|<(x|bx|ex) id=\"(\\d+)\"/>");

    private CodeCheck() {}

    /** A code of a markup: its element, id and the id of the pair it lies in (0 at the top). */
    private record Code(String kind, String id, String parent) {
        String key() {
            return kind + " " + id;
        }
    }

    static void check(String source, String target, List<QualityIssue> issues) {
        List<Code> expected = codes(source);
        List<Code> given = codes(target);
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            labels.put(expected.get(i).key(), label(expected.get(i).kind(), String.valueOf(i + 1)));
        }
        List<String> missing = keys(expected);
        keys(given).forEach(missing::remove);
        List<String> extra = keys(given);
        keys(expected).forEach(extra::remove);
        if (!missing.isEmpty()) {
            issues.add(QualityIssue.error(
                    "codes-missing", missing.stream().map(labels::get).toList()));
        }
        if (!extra.isEmpty()) {
            issues.add(QualityIssue.error(
                    "codes-extra",
                    extra.stream()
                            .map(k -> labels.getOrDefault(k, label(k.split(" ")[0], k.split(" ")[1])))
                            .toList()));
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            List<String> reordered = reordered(expected, given);
            if (!reordered.isEmpty()) {
                issues.add(QualityIssue.error(
                        "codes-reordered", reordered.stream().map(labels::get).toList()));
            }
        }
    }

    private static List<String> reordered(List<Code> expected, List<Code> given) {
        List<String> moved = new ArrayList<>();
        List<String> halvesExpected = halves(expected);
        List<String> halvesGiven = halves(given);
        for (int i = 0; i < halvesExpected.size(); i++) {
            if (!halvesExpected.get(i).equals(halvesGiven.get(i))) {
                moved.add(halvesExpected.get(i));
            }
        }
        Map<String, String> parents = new HashMap<>();
        given.forEach(c -> parents.put(c.key(), c.parent()));
        for (Code c : expected) {
            if (c.kind().equals("g") && !moved.contains(c.key()) && !c.parent().equals(parents.get(c.key()))) {
                moved.add(c.key());
            }
        }
        return moved;
    }

    private static List<String> halves(List<Code> codes) {
        return codes.stream()
                .filter(c -> c.kind().equals("bx") || c.kind().equals("ex"))
                .map(Code::key)
                .toList();
    }

    private static List<String> keys(List<Code> codes) {
        return new ArrayList<>(codes.stream().map(Code::key).toList());
    }

    private static List<Code> codes(String markup) {
        List<Code> codes = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Matcher m = CODE.matcher(markup);
        while (m.find()) {
            String parent = open.isEmpty() ? "0" : open.peek();
            if (m.group(1) != null) {
                codes.add(new Code("g", m.group(1), parent));
                open.push(m.group(1));
            } else if (m.group().equals("</g>")) {
                if (!open.isEmpty()) {
                    open.pop();
                }
            } else {
                codes.add(new Code(m.group(2), m.group(3), parent));
            }
        }
        return codes;
    }

    private static String label(String kind, String number) {
        return switch (kind) {
            case "g" -> "⟨" + number + "…" + number + "⟩";
            case "bx" -> "⟨" + number;
            case "ex" -> number + "⟩";
            default -> "⟨" + number + "/⟩";
        };
    }
}
