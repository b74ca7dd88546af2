package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Races on real threads over HTTP: of N translators claiming one translation at once exactly one wins and the others
 * are told who holds it; of two saves of one segment from the same version exactly one lands.
 */
class WorkRaceTest extends WorkTestBase {
    static final int TRANSLATORS = 8;

    @Test
    void ofTranslatorsClaimingAtOnceExactlyOneWinsAndTheOthersLearnTheHolder() throws Exception {
        Person coordinator = coordinator();
        String id = open(coordinator, document("The first sentence. The second one."), "ru")
                .get("id")
                .asString();
        List<Person> translators = new ArrayList<>();
        for (int i = 0; i < TRANSLATORS; i++) {
            translators.add(translator("Racer " + i, "ru"));
        }
        List<Http.Response> answers = all(translators.stream()
                .<Callable<Http.Response>>map(p -> () -> p.http().postJson("/api/translations/" + id + "/claim", ""))
                .toList());

        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(1);
        Http.Response won =
                answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        String winner = won.json().get("claim").get("holder").get("id").asString();
        for (Http.Response lost :
                answers.stream().filter(a -> a.status() != 200).toList()) {
            assertThat(lost.status()).as(lost.body()).isEqualTo(409);
            assertThat(lost.problemCode()).isEqualTo("translation-claimed");
            assertThat(lost.json().get("holder").get("id").asString()).isEqualTo(winner);
            assertThat(lost.json().get("until").asString()).isNotBlank();
        }
        assertThat(coordinator
                        .http()
                        .get("/api/translations/" + id)
                        .json()
                        .get("claim")
                        .get("holder")
                        .get("id")
                        .asString())
                .isEqualTo(winner);
    }

    @Test
    void ofTwoSavesOfOneSegmentFromTheSameVersionExactlyOneLands() throws Exception {
        Person coordinator = coordinator();
        Person anna = translator("Anna", "ru");
        String id = open(coordinator, document("One. Two. Three. Four."), "ru")
                .get("id")
                .asString();
        assertThat(anna.http()
                        .postJson("/api/translations/" + id + "/claim", "")
                        .status())
                .isEqualTo(200);
        for (JsonNode segment : segments(anna, id)) {
            List<Http.Response> answers = all(List.of(
                    () -> save(
                            anna,
                            id,
                            segment,
                            "Первый вариант",
                            "draft",
                            segment.get("version").asInt()),
                    () -> save(
                            anna,
                            id,
                            segment,
                            "Второй вариант",
                            "draft",
                            segment.get("version").asInt())));
            assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
            Http.Response won =
                    answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
            Http.Response lost =
                    answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(lost.problemCode()).isEqualTo("stale-segment");
            assertThat(lost.json().get("current").get("target").asString())
                    .isEqualTo(won.json().get("target").asString());
            assertThat(lost.json().get("current").get("version").asInt()).isEqualTo(1);
            assertThat(lost.json().get("current").get("by").get("name").asString())
                    .isEqualTo("Anna");
            assertThat(lost.json().get("yours").get("target").asString())
                    .isNotEqualTo(won.json().get("target").asString());
            var history = anna.http()
                    .get("/api/translations/" + id + "/segments/"
                            + segment.get("id").asString() + "/history")
                    .json()
                    .get("items");
            assertThat(history).hasSize(1);
        }
    }

    /** Runs every task on its own thread, all released at once, and returns their answers in order. */
    static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
