package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageScoringTest {

    @Test
    void scoresEveryPassageAsLucenesScorerDoes() {
        Random random = new Random(7);
        BytesRef[] words = {new BytesRef("torture"), new BytesRef("пытки"), new BytesRef("dignity"), new BytesRef("a")};
        PassageScorer lucene = new PassageScorer();
        Snippets.PassageScoring ours = new Snippets.PassageScoring();
        for (int n = 0; n < 500; n++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 5_000);
            int at = start;
            for (int m = random.nextInt(n % 50 == 0 ? 90 : 12); m > 0; m--) {
                at += 1 + random.nextInt(40);
                BytesRef word = words[random.nextInt(words.length)];
                // a fresh copy of the term: equal bytes, another object, as the highlighter hands them over
                passage.addMatch(at, at + word.length, BytesRef.deepCopyOf(word), 1 + random.nextInt(30));
            }
            int contentLength = start + 5_000 + random.nextInt(20_000);

            assertThat(ours.score(passage, contentLength))
                    .as("passage %d", n)
                    .isEqualTo(lucene.score(passage, contentLength));
        }
    }

    @Test
    void aPassageWithMoreMatchesScoresHigher() {
        PassageScorer ours = new Snippets.PassageScoring();
        Passage one = new Passage();
        one.setStartOffset(0);
        one.setEndOffset(200);
        one.addMatch(10, 17, new BytesRef("torture"), 3);
        Passage two = new Passage();
        two.setStartOffset(0);
        two.setEndOffset(200);
        two.addMatch(10, 17, new BytesRef("torture"), 3);
        two.addMatch(30, 37, new BytesRef("dignity"), 2);

        assertThat(ours.score(two, 1_000)).isGreaterThan(ours.score(one, 1_000));
    }
}
