package org.verso.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verso.library.ConflictException;
import org.verso.memory.internal.Tokens;
import org.verso.translation.SegmentId;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;
import org.verso.translation.TranslationId;
import org.verso.translation.Translations;

/** Leverage of the memory on a translation: how much of its source the memory already covers, and how well. */
public class LeverageAnalysis {
    private final Translations translations;
    private final TranslationMemory memory;

    LeverageAnalysis(Translations translations, TranslationMemory memory) {
        this.translations = translations;
        this.memory = memory;
    }

    /**
     * @throws org.verso.library.NotFoundException when there is no such translation
     * @throws ConflictException ({@code source-language-unknown}) when the document's language is not known
     */
    public Leverage of(TranslationId id) {
        Translation translation = translations.get(id);
        if (translation.sourceLanguage() == null) {
            throw new ConflictException(
                    "source-language-unknown", "The document's language is not known, so the memory cannot be asked.");
        }
        int[] bands = new int[6];
        int words = 0;
        List<TargetSegment> segments = translations.allSegments(id);
        List<MatchQuery> queries = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            TargetSegment s = segments.get(i);
            int count = Tokens.words(Tokens.of(s.source()));
            words += count;
            if (s.source().isBlank()) {
                bands[band(-1)] += count;
                continue;
            }
            queries.add(new MatchQuery(
                    s.source(),
                    translation.sourceLanguage(),
                    translation.targetLanguage(),
                    1,
                    50,
                    Context.around(segments, i)));
            counts.add(count);
        }
        List<List<Match>> answers = memory.matches(queries);
        for (int q = 0; q < queries.size(); q++) {
            List<Match> found = answers.get(q);
            bands[band(found.isEmpty() ? -1 : found.get(0).score())] += counts.get(q);
        }
        return new Leverage(segments.size(), words, bands[0], bands[1], bands[2], bands[3], bands[4], bands[5]);
    }

    /** The best matches (at most {@code perSegment}) of each segment of the translation, from {@code minScore}. */
    public List<Match> bestMatches(TranslationId id, int minScore, int perSegment) {
        return bestMatches(translations.get(id), translations.allSegments(id), minScore, perSegment).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /**
     * The best matches (at most {@code perSegment}, best first) of each of {@code segments}, from {@code minScore}, by
     * segment in their order; a segment without any is left out, and all are when the source language is unknown.
     */
    public Map<SegmentId, List<Match>> bestMatches(
            Translation translation, List<TargetSegment> segments, int minScore, int perSegment) {
        Map<SegmentId, List<Match>> found = new LinkedHashMap<>();
        if (translation.sourceLanguage() == null) {
            return found;
        }
        List<SegmentId> asked = new ArrayList<>();
        List<MatchQuery> queries = new ArrayList<>();
        for (TargetSegment s : segments) {
            if (!s.source().isBlank()) {
                asked.add(s.id());
                queries.add(new MatchQuery(
                        s.source(),
                        translation.sourceLanguage(),
                        translation.targetLanguage(),
                        perSegment,
                        minScore,
                        null));
            }
        }
        List<List<Match>> answers = memory.matches(queries);
        for (int q = 0; q < asked.size(); q++) {
            if (!answers.get(q).isEmpty()) {
                found.put(asked.get(q), answers.get(q));
            }
        }
        return found;
    }

    private static int band(int score) {
        if (score >= 100) {
            return 0;
        }
        if (score >= 95) {
            return 1;
        }
        if (score >= 85) {
            return 2;
        }
        if (score >= 75) {
            return 3;
        }
        if (score >= 50) {
            return 4;
        }
        return 5;
    }
}
