package org.verso.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fuzzy score of docs/memory.md, its examples one by one. */
class ScoreTest {
    private final Dictionary dictionary = new Dictionary();

    private int score(String a, String b) {
        return EditDistance.score(dictionary.ids(Tokens.of(a)), dictionary.ids(Tokens.of(b)));
    }

    @Test
    void sameWordsScoreHundredWhateverTheCaseAndPunctuation() {
        assertThat(score("Everyone has the right to life.", "everyone has the right to life"))
                .isEqualTo(100);
    }

    @Test
    void oneWordReplacedInSixCostsOneSixth() {
        // 6 words, 1 substitution: floor(100 × 5/6) = 83
        assertThat(score("Everyone has the right to life.", "Everyone has the right to work."))
                .isEqualTo(83);
    }

    @Test
    void wordsAddedCountAgainstTheLongerSegment() {
        // 6 and 9 words, 3 insertions: floor(100 × 6/9) = 66
        assertThat(score("Everyone has the right to life.", "Everyone has the right to life, liberty and security."))
                .isEqualTo(66);
    }

    @Test
    void aDifferentNumberOrCodeIsTheSameTokenForTheScore() {
        assertThat(score("Article 5 applies.", "Article 12 applies.")).isEqualTo(100);
        assertThat(score("See <g id=\"1\">Annex</g>.", "See <g id=\"2\">Annex</g>."))
                .isEqualTo(100);
    }

    @Test
    void nothingInCommonScoresZero() {
        assertThat(score("torture", "freedom of speech")).isZero();
    }

    @Test
    void tokensAreWordsNumbersAndCodesWithEntitiesDecoded() {
        assertThat(Tokens.of("Tom &amp; Jerry, 1,000.5 km <x id=\"1\"/> 2nd Ёлка").stream()
                        .map(t -> t.kind() + ":" + t.norm())
                        .toList())
                .containsExactly(
                        "WORD:tom",
                        "WORD:jerry",
                        "NUMBER:" + Tokens.NUMBER,
                        "WORD:km",
                        "CODE:" + Tokens.CODE,
                        "WORD:2nd",
                        "WORD:елка");
    }
}
