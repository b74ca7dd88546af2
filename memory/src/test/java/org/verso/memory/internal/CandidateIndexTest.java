package org.verso.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The index finds exactly what scoring every unit finds (prefix filtering loses nothing), on random near-duplicates. */
class CandidateIndexTest {
    private static final String[] WORDS = ("the right of everyone to life liberty and security person no one shall be"
                    + " held in slavery or servitude subjected torture cruel inhuman degrading treatment punishment"
                    + " all are equal before law entitled without any discrimination protection")
            .split(" ");

    @Test
    void bestAgreesWithTheExhaustiveScanAtEveryMinimumScore() {
        Random random = new Random(42);
        Dictionary dictionary = new Dictionary();
        CandidateIndex index = new CandidateIndex();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String s = sentence(random, 1 + random.nextInt(14));
            sentences.add(s);
            index.add(UUID.randomUUID(), dictionary.ids(Tokens.of(s)));
        }
        for (int q = 0; q < 300; q++) {
            String query = q % 2 == 0
                    ? mutate(random, sentences.get(random.nextInt(sentences.size())))
                    : sentence(random, 1 + random.nextInt(10));
            int[] tokens = dictionary.lookup(Tokens.of(query));
            for (int min : new int[] {50, 70, 90}) {
                var best = index.best(tokens, min, 5).stream()
                        .map(c -> c.score() + "/" + c.ordinal())
                        .toList();
                var scan = index.scan(tokens, min, 5).stream()
                        .map(c -> c.score() + "/" + c.ordinal())
                        .toList();
                assertThat(best).as("query %s at %d", query, min).isEqualTo(scan);
            }
        }
    }

    @Test
    void bestAgreesWithTheExhaustiveScanAmongManyTiesAtEveryLimit() {
        // few words, short units, many of them the same: most answers are decided by the newest-first tie break
        Random random = new Random(7);
        Dictionary dictionary = new Dictionary();
        CandidateIndex index = new CandidateIndex();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int words = i % 50 == 0
                    ? 250 + random.nextInt(20)
                    : i % 5 == 0 ? 15 + random.nextInt(16) : 1 + random.nextInt(6);
            String s = sentence(random, words, 5) + (random.nextInt(4) == 0 ? " " + random.nextInt(100) : "");
            sentences.add(s);
            index.add(UUID.randomUUID(), dictionary.ids(Tokens.of(s)));
        }
        for (int q = 0; q < 150; q++) {
            String query = q % 2 == 0
                    ? mutate(random, sentences.get(random.nextInt(sentences.size())))
                    : sentence(random, 1 + random.nextInt(6), 6) + (q % 3 == 0 ? " 12" : "");
            int[] tokens = dictionary.lookup(Tokens.of(query));
            for (int limit : new int[] {1, 5, 15}) {
                for (int min : new int[] {50, 70, 100}) {
                    var best = index.best(tokens, min, limit).stream()
                            .map(c -> c.score() + "/" + c.ordinal())
                            .toList();
                    var scan = index.scan(tokens, min, limit).stream()
                            .map(c -> c.score() + "/" + c.ordinal())
                            .toList();
                    assertThat(best)
                            .as("query %s at %d, limit %d", query, min, limit)
                            .isEqualTo(scan);
                }
            }
        }
    }

    @Test
    void theSameQueryAgainAfterTheIndexGrewFindsTheSameUnit() {
        Dictionary dictionary = new Dictionary();
        CandidateIndex index = new CandidateIndex();
        UUID id = UUID.randomUUID();
        index.add(id, dictionary.ids(Tokens.of("the police must respect human dignity")));
        int[] query = dictionary.lookup(Tokens.of("the police must respect human dignity"));
        assertThat(index.best(query, 70, 5))
                .extracting(CandidateIndex.Candidate::id)
                .containsExactly(id);

        // the lookup's per-thread marks are sized by the index: growing it must not leave stale marks behind
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            index.add(UUID.randomUUID(), dictionary.ids(Tokens.of(sentence(random, 3 + random.nextInt(5)))));
        }

        assertThat(index.best(query, 70, 5))
                .extracting(CandidateIndex.Candidate::id)
                .containsExactly(id);
    }

    @Test
    void anExactSourceIsFoundAmongMoreUnitsThanAskedForThatDifferFromItOnlyInANumber() {
        Dictionary dictionary = new Dictionary();
        CandidateIndex index = new CandidateIndex();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String source = "Article " + i + " of the convention applies to every place of detention";
            UUID id = UUID.randomUUID();
            ids.add(id);
            index.add(id, dictionary.ids(Tokens.of(source)), CandidateIndex.exactKey(source));
        }
        String asked = "Article 3 of the convention applies to every place of detention";
        int[] query = dictionary.lookup(Tokens.of(asked));

        // the token ids cannot tell the forty apart: five of the newest tie at 100
        assertThat(index.best(query, 70, 5))
                .extracting(CandidateIndex.Candidate::id)
                .doesNotContain(ids.get(3));
        assertThat(index.best(query, CandidateIndex.exactKey(asked), 70, 5))
                .hasSize(6)
                .extracting(CandidateIndex.Candidate::id)
                .contains(ids.get(3));
        assertThat(index.best(
                        query,
                        CandidateIndex.exactKey(
                                "Article 39 of the convention applies to every place of" + " detention"),
                        70,
                        5))
                .hasSize(5);
    }

    @Test
    void aQueryWithAWordTheMemoryNeverSawStillFindsTheRest() {
        Dictionary dictionary = new Dictionary();
        CandidateIndex index = new CandidateIndex();
        UUID id = UUID.randomUUID();
        index.add(id, dictionary.ids(Tokens.of("no one shall be held in slavery")));
        var found = index.best(dictionary.lookup(Tokens.of("no one shall be held in bondage")), 70, 5);
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.score()).isEqualTo(85);
        });
    }

    private static String sentence(Random random, int words) {
        return sentence(random, words, WORDS.length);
    }

    /** Words drawn from the first {@code vocabulary} of {@link #WORDS}. */
    private static String sentence(Random random, int words, int vocabulary) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(WORDS[random.nextInt(vocabulary)]).append(' ');
        }
        return s.toString().strip();
    }

    private static String mutate(Random random, String sentence) {
        List<String> words = new ArrayList<>(List.of(sentence.split(" ")));
        int edits = random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(words.size());
            switch (random.nextInt(3)) {
                case 0 -> words.set(at, WORDS[random.nextInt(WORDS.length)]);
                case 1 -> words.add(at, WORDS[random.nextInt(WORDS.length)]);
                default -> {
                    if (words.size() > 1) {
                        words.remove(at);
                    }
                }
            }
        }
        return String.join(" ", words);
    }
}
