package org.verso.bench.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.verso.search.SearchFilters;
import org.verso.search.SearchQuery;
import org.verso.search.SortOrder;

/**
 * A stream of searches as people make them, for the benchmark: sessions that start with a query (drawn by Zipf
 * popularity from a pool of topics: the hand-written {@link SearchBenchmark#QUERIES} and words and phrases taken from
 * the library's own paragraphs) and go on with page turns, facet clicks and a change of order. The same seed gives
 * the same stream, so that runs with and without the cache see the same searches.
 */
final class QueryMix {

    /** One request: a search of the library, as the API takes it. */
    record Request(String text, String lang, String kind, Integer year, SortOrder sort, int page) {
        SearchQuery search() {
            SearchFilters filters = new SearchFilters(
                    lang == null ? Set.of() : Set.of(lang),
                    kind == null ? Set.of() : Set.of(kind),
                    Set.of(),
                    Set.of(),
                    year == null ? Set.of() : Set.of(year));
            return new SearchQuery(text, filters, sort, page, 10);
        }

        String path() {
            StringBuilder path = new StringBuilder("/search?size=10&q=").append(SessionClient.enc(text));
            if (lang != null) {
                path.append("&lang=").append(lang);
            }
            if (kind != null) {
                path.append("&kind=").append(kind);
            }
            if (year != null) {
                path.append("&year=").append(year);
            }
            if (sort != SortOrder.RELEVANCE) {
                path.append("&sort=").append(sort.code());
            }
            if (page > 1) {
                path.append("&page=").append(page);
            }
            return path.toString();
        }

        /** The same search with the page left out: what a cache of page-independent answers keys on. */
        Request firstPage() {
            return new Request(text, lang, kind, year, sort, 1);
        }
    }

    private final List<String> topics;
    private final double[] cumulative;

    /**
     * @param topics how many distinct queries people start sessions with
     * @param zipf popularity exponent: the k-th most popular topic is drawn with weight 1/k^zipf
     */
    QueryMix(BenchLibrary library, int topics, double zipf, long seed) {
        Random random = new Random(seed);
        Set<String> pool = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        for (SearchBenchmark.Query query : SearchBenchmark.QUERIES) {
            if (query.lang() == null && pool.add(query.text())) {
                ordered.add(query.text());
            }
        }
        for (int attempts = 0; ordered.size() < topics && attempts < topics * 20; attempts++) {
            String topic = library.topic(random);
            if (topic != null && pool.add(topic)) {
                ordered.add(topic);
            }
        }
        java.util.Collections.shuffle(ordered, random); // popularity does not follow the order of generation
        this.topics = List.copyOf(ordered);
        cumulative = new double[this.topics.size()];
        double sum = 0;
        for (int k = 0; k < cumulative.length; k++) {
            sum += 1 / Math.pow(k + 1, zipf);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    int topics() {
        return topics.size();
    }

    /**
     * {@code count} requests in sessions: a new query, then while a coin says go on (60%) the next page (45%), a
     * facet value chosen (40%: a language, kind or year) or the order changed to date (15%).
     */
    List<Request> stream(int count, long seed) {
        Random random = new Random(seed);
        List<Request> requests = new ArrayList<>(count);
        while (requests.size() < count) {
            int drawn = Arrays.binarySearch(cumulative, random.nextDouble());
            String text = topics.get(drawn >= 0 ? drawn : Math.min(topics.size() - 1, -drawn - 1));
            Request request = new Request(text, null, null, null, SortOrder.RELEVANCE, 1);
            requests.add(request);
            for (int step = 0; step < 4 && requests.size() < count && random.nextDouble() < 0.6; step++) {
                double what = random.nextDouble();
                Request r = request;
                if (what < 0.45) {
                    request = new Request(r.text(), r.lang(), r.kind(), r.year(), r.sort(), r.page() + 1);
                } else if (what < 0.85) {
                    request = switch (random.nextInt(3)) {
                        case 0 ->
                            new Request(
                                    r.text(),
                                    BenchLibrary.MAIN[random.nextInt(BenchLibrary.MAIN.length)],
                                    r.kind(),
                                    r.year(),
                                    r.sort(),
                                    1);
                        case 1 ->
                            new Request(
                                    r.text(),
                                    r.lang(),
                                    BenchLibrary.KINDS[random.nextInt(BenchLibrary.KINDS.length)],
                                    r.year(),
                                    r.sort(),
                                    1);
                        default -> new Request(r.text(), r.lang(), r.kind(), 1948 + random.nextInt(77), r.sort(), 1);
                    };
                } else {
                    request = new Request(r.text(), r.lang(), r.kind(), r.year(), SortOrder.DATE, 1);
                }
                requests.add(request);
            }
        }
        return requests;
    }

    /** Splits a stream among clients, whole sessions staying together in order: client c gets every c-th session. */
    static List<List<Request>> perClient(List<Request> stream, int clients) {
        List<List<Request>> split = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            split.add(new ArrayList<>());
        }
        int session = -1;
        for (Request request : stream) {
            if (request.page() == 1
                    && request.lang() == null
                    && request.kind() == null
                    && request.year() == null
                    && request.sort() == SortOrder.RELEVANCE) {
                session++;
            }
            split.get(Math.floorMod(session, clients)).add(request);
        }
        return split;
    }

    /** Number of different searches (page left out) in a stream. */
    static long distinct(List<Request> stream) {
        return stream.stream().map(Request::firstPage).distinct().count();
    }
}
