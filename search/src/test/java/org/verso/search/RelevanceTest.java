package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verso.library.DocumentId;

/**
 * Runs the judged queries of {@code queries.tsv} against the whole corpus (everything but {@code broken/}) indexed
 * with its text as Tika extracts it, prints recall@10 and MRR, and fails below 0.9 recall@10 or when a trap is hit:
 * a trap file must not match the trap word at all, nor reach the top 10 of its query.
 */
class RelevanceTest {
    private static final Pattern TRAP = Pattern.compile("TRAP: (\\S+) .*?must NOT match \"*([^\"\\s]+)\"*");

    static final String ENGLISH_UDHR = "udhr/xml/udhr_eng.xml";
    static final String RUSSIAN_UDHR = "udhr/xml/udhr_rus.xml";

    @TempDir
    static Path dir;

    static LibraryIndex index;
    static final Map<String, String> pathOf = new HashMap<>();
    static Path root;

    @BeforeAll
    static void indexTheCorpus() throws Exception {
        root = Corpus.root();
        index = new LibraryIndex(SearchProperties.defaults(dir));
        List<String> failed = new ArrayList<>();
        long start = System.nanoTime();
        // the English declaration carries the Russian one as its approved translation, as a translated document does
        String russian = Corpus.extract(root.resolve(RUSSIAN_UDHR)).text();
        try (var batch = index.batch()) {
            for (Corpus.Entry entry : Corpus.manifest(root)) {
                if (entry.path().startsWith("broken/") || !Files.isRegularFile(root.resolve(entry.path()))) {
                    continue;
                }
                Corpus.Extracted extracted;
                try {
                    extracted = Corpus.extract(root.resolve(entry.path()));
                } catch (Exception | LinkageError e) {
                    failed.add(entry.path() + ": " + e);
                    continue;
                }
                String name = Path.of(entry.path()).getFileName().toString();
                String title = extracted.title() == null || extracted.title().isBlank() ? name : extracted.title();
                DocumentId id = DocumentId.random();
                pathOf.put(id.toString(), entry.path());
                batch.add(
                        new SearchableDocument(
                                id,
                                title,
                                "other",
                                null,
                                entry.language(),
                                null,
                                List.of(),
                                List.of(),
                                extracted.text()),
                        entry.path().equals(ENGLISH_UDHR)
                                ? List.of(new SearchableTranslation(
                                        id,
                                        "ru",
                                        TranslationStatus.APPROVED,
                                        "Всеобщая декларация прав человека",
                                        russian))
                                : List.of());
            }
        }
        index.refresh();
        System.out.printf(
                "Indexed %d corpus files in %d ms; %d could not be extracted: %s%n",
                pathOf.size(), (System.nanoTime() - start) / 1_000_000, failed.size(), failed);
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    record Judgement(String query, String language, List<String> relevant, String notes) {}

    private static List<Judgement> judgements() throws Exception {
        List<String> lines = Files.readAllLines(root.resolve("queries.tsv"));
        List<Judgement> judgements = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            judgements.add(new Judgement(
                    columns[0], columns[1], List.of(columns[2].split(";")), columns.length > 3 ? columns[3] : ""));
        }
        return judgements;
    }

    private static List<String> ranked(String query, int size) {
        return index.search(new SearchQuery(query, SearchFilters.NONE, SortOrder.RELEVANCE, 1, size)).hits().stream()
                .map(hit -> pathOf.get(hit.documentId()))
                .toList();
    }

    @Test
    void judgedQueriesFindTheRelevantFilesAndNoTrap() throws Exception {
        double recallSum = 0;
        double reciprocalRankSum = 0;
        List<String> trapsHit = new ArrayList<>();
        List<Judgement> judgements = judgements();
        for (Judgement judgement : judgements) {
            List<String> top = ranked(judgement.query(), 10);
            long found = judgement.relevant().stream().filter(top::contains).count();
            double recall = (double) found / judgement.relevant().size();
            int firstRelevant = 0;
            for (int rank = 0; rank < top.size() && firstRelevant == 0; rank++) {
                if (judgement.relevant().contains(top.get(rank))) {
                    firstRelevant = rank + 1;
                }
            }
            recallSum += recall;
            reciprocalRankSum += firstRelevant == 0 ? 0 : 1.0 / firstRelevant;
            System.out.printf(
                    "recall@10 %.2f  first relevant at %d  %s%n    missed: %s%n",
                    recall,
                    firstRelevant,
                    judgement.query(),
                    judgement.relevant().stream().filter(p -> !top.contains(p)).toList());
            Matcher trap = TRAP.matcher(judgement.notes());
            while (trap.find()) {
                String file = trap.group(1);
                String word = trap.group(2);
                List<String> wordHits = ranked(word, 100);
                System.out.printf(
                        "    trap %s for «%s»: %s%n", file, word, wordHits.contains(file) ? "HIT" : "avoided");
                if (wordHits.contains(file) || top.contains(file)) {
                    trapsHit.add(file + " for «" + word + "» / " + judgement.query());
                }
            }
        }
        double recall = recallSum / judgements.size();
        double mrr = reciprocalRankSum / judgements.size();
        System.out.printf(
                "%d judged queries: recall@10 = %.3f, MRR = %.3f, traps hit: %s%n",
                judgements.size(), recall, mrr, trapsHit);

        assertThat(trapsHit).as("traps hit").isEmpty();
        assertThat(recall).as("recall@10").isGreaterThanOrEqualTo(0.9);
    }

    /**
     * The cross-language judgements: each Russian query that finds the Russian declaration also finds the English one
     * through its approved Russian translation, in the top 10, with the translation shown beneath it.
     */
    @Test
    void russianQueriesFindTheEnglishOriginalThroughItsRussianTranslation() throws Exception {
        List<Judgement> russianOnUdhr = judgements().stream()
                .filter(j -> j.language().equals("ru") && j.relevant().contains(RUSSIAN_UDHR))
                .toList();
        assertThat(russianOnUdhr)
                .as("judged Russian queries on the declaration")
                .hasSizeGreaterThanOrEqualTo(3);
        for (Judgement judgement : russianOnUdhr) {
            var hits = index.search(new SearchQuery(judgement.query(), SearchFilters.NONE, SortOrder.RELEVANCE, 1, 10))
                    .hits();
            var english = hits.stream()
                    .filter(hit -> ENGLISH_UDHR.equals(pathOf.get(hit.documentId())))
                    .findFirst();
            System.out.printf(
                    "cross-language  %s  English original at %d%n",
                    judgement.query(), english.map(hits::indexOf).orElse(-2) + 1);
            assertThat(english)
                    .as("the English declaration for «%s»", judgement.query())
                    .isPresent();
            assertThat(english.get().translations())
                    .extracting(SearchResult.TranslationHit::language, SearchResult.TranslationHit::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ru", "approved"));
        }
        // an English document without a Russian translation is not found by a Russian query
        assertThat(ranked("пытки жестокие бесчеловечные или унижающие достоинство виды обращения", 100))
                .doesNotContain("legal/treaties-en-nl/un-cat_en-nl.md");
    }
}
