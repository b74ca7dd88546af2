package org.verso.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verso.memory.internal.Tokens;
import org.verso.translation.PreTranslation;
import org.verso.translation.SegmentId;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/**
 * Pre-translation from the memory: for each segment of a translation just opened, the target of the memory's exact
 * match — in context (101) first, else 100 — when the match's source is the segment's own text (white space aside) and
 * no number or code differs. Fuzzy matches are never filled in; they stay in the editor's panel.
 */
class MemoryPreTranslation implements PreTranslation {
    private final TranslationMemory memory;

    MemoryPreTranslation(TranslationMemory memory) {
        this.memory = memory;
    }

    @Override
    public Map<SegmentId, String> exactTargets(Translation translation, List<TargetSegment> segments) {
        Map<SegmentId, String> targets = new HashMap<>();
        if (translation.sourceLanguage() == null || memory.size() == 0) {
            return targets;
        }
        List<TargetSegment> asked = new ArrayList<>();
        List<MatchQuery> queries = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            TargetSegment segment = segments.get(i);
            if (Tokens.plainText(segment.source()).isBlank()) {
                continue;
            }
            asked.add(segment);
            queries.add(new MatchQuery(
                    segment.source(),
                    translation.sourceLanguage(),
                    translation.targetLanguage(),
                    1,
                    100,
                    Context.around(segments, i)));
        }
        List<List<Match>> answers = memory.matches(queries);
        for (int i = 0; i < asked.size(); i++) {
            List<Match> found = answers.get(i);
            TargetSegment segment = asked.get(i);
            if (!found.isEmpty() && exact(found.get(0), segment)) {
                targets.put(segment.id(), found.get(0).unit().target());
            }
        }
        return targets;
    }

    private static boolean exact(Match match, TargetSegment segment) {
        return match.score() >= 100
                && !match.numbersDiffer()
                && !match.codesDiffer()
                && collapsed(match.unit().source()).equals(collapsed(segment.source()));
    }

    private static String collapsed(String markup) {
        return Tokens.plainText(markup).strip().replaceAll("\\s+", " ");
    }
}
