package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verso.translation.SourceMatch.Kind;
import org.verso.translation.SourceMatch.Side;

class SourceMatchTest {
    private static Side side(String unit, String text) {
        return new Side(unit, text, text);
    }

    @Test
    void exactSourcesMatchInOrderAndTheRestIsPairedBySimilarityOrIsNewOrRemoved() {
        List<Side> old = List.of(
                side("tu1", "Everyone has the right to life."),
                side("tu2", "No one shall be held in slavery."),
                side("tu3", "This sentence is removed in the new version."),
                side("tu4", "Everyone has the right to a fair trial."));
        List<Side> next = List.of(
                side("tu1", "Everyone has the right to life."),
                side("tu2", "No one shall ever be held in slavery or servitude."),
                side("tu3", "Everyone has the right to a fair trial."),
                side("tu4", "An article about privacy was added here."));

        SourceMatch.Result result = SourceMatch.match(old, next);

        assertThat(result.kinds()).containsExactly(Kind.UNCHANGED, Kind.CHANGED, Kind.UNCHANGED, Kind.NEW);
        assertThat(result.from()).containsExactly(0, 1, 3, -1);
        assertThat(result.removed()).containsExactly(2);
        assertThat(result.count(Kind.UNCHANGED)).isEqualTo(2);
        assertThat(result.count(Kind.CHANGED)).isEqualTo(1);
        assertThat(result.count(Kind.NEW)).isEqualTo(1);
    }

    @Test
    void aRewrittenSentenceWithFewWordsInCommonIsNewAndTheOldOneRemoved() {
        List<Side> old = List.of(side("tu1", "The police must respect human dignity."));
        List<Side> next = List.of(side("tu1", "Officers are trained every year."));

        SourceMatch.Result result = SourceMatch.match(old, next);

        assertThat(result.kinds()).containsExactly(Kind.NEW);
        assertThat(result.removed()).containsExactly(0);
    }

    @Test
    void changedSegmentsArePairedInOrderWithTheMostSimilarOldOne() {
        List<Side> old = List.of(side("tu1", "Alpha beta gamma delta."), side("tu2", "One two three four five."));
        List<Side> next = List.of(side("tu1", "One two three four six."), side("tu2", "Alpha beta gamma epsilon."));

        SourceMatch.Result result = SourceMatch.match(old, next);

        // order is kept: once the second old segment is taken, the first cannot follow it
        assertThat(result.kinds()).containsExactly(Kind.CHANGED, Kind.NEW);
        assertThat(result.from()).containsExactly(1, -1);
        assertThat(result.removed()).containsExactly(0);
    }

    @Test
    void identicalVersionsAreAllUnchanged() {
        List<Side> both = List.of(side("a", "Same."), side("b", "Same."), side("c", "Other."));

        SourceMatch.Result result = SourceMatch.match(both, both);

        assertThat(result.kinds()).containsOnly(Kind.UNCHANGED);
        assertThat(result.from()).containsExactly(0, 1, 2);
        assertThat(result.removed()).isEmpty();
    }

    @Test
    void similarityCountsWordsInCommon() {
        assertThat(SourceMatch.similarity("a b c d", "a b c d")).isEqualTo(1.0);
        assertThat(SourceMatch.similarity("a b c d", "e f g h")).isZero();
        assertThat(SourceMatch.similarity("A b", "a B c d"))
                .isCloseTo(2.0 * 2 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SourceMatch.similarity("", "")).isZero();
    }
}
