package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.verso.search.SortOrder;

/**
 * The pass over a search's matches: total, facet counts (each facet with the filters of the other facets) and, for
 * date and title order or when few match, the best documents. In relevance order, a query whose matches would cost more than {@code sampleAbove} postings to visit is
 * counted on a sample instead: evenly spread windows of each segment holding about that many, the counts scaled up and
 * marked approximate. Date and title order always visit every match (the first page depends on all of them).
 */
final class Counting {
    /** Windows per segment in a sample, at least: spread over it so that clustered documents do not skew it. */
    private static final int WINDOWS = 64;

    /** Up to about this many matches (estimated), relevance order ranks in the counting pass itself. */
    static final long RANK_IN_PASS = 10_000;

    private Counting() {}

    /**
     * What a pass found.
     *
     * @param total matching documents (estimated if {@code approximate})
     * @param approximate whether total and facets were estimated from a sample
     * @param facets per facet, documents per value
     * @param top the best documents, best first: in date or title order, or in relevance order when the pass ranked
     *     them (few matches); else empty
     * @param depth how many best documents were asked for ({@code top} may hold fewer: there are no more)
     */
    record Counted(long total, boolean approximate, Map<String, Map<String, Long>> facets, List<Group> top, int depth) {
        /** The best documents the pass kept, as a ranking that says how deep it reaches. */
        ResultCache.Ranked ranked() {
            return new ResultCache.Ranked(top, depth);
        }
    }

    /**
     * @param query the text narrowed by all filters but one ({@link FacetFilters#sideways}), rewritten by this searcher
     * @param filters the search's facet filters, applied by the collector (each facet counted with the others')
     * @param topN best documents to keep
     * @param sampleAbove postings a pass may visit before it samples; 0 never samples
     */
    static Counted count(
            IndexSearcher searcher, Query query, FacetFilters filters, SortOrder sort, int topN, long sampleAbove)
            throws IOException {
        return count(searcher, query, filters, sort, topN, sampleAbove, weight -> {});
    }

    /**
     * @param tooManyToRank given the scoring weight of the query when the pass worked it out and found more matches
     *     than it ranks itself: {@link #rank} can take it instead of working out the same weight again
     */
    static Counted count(
            IndexSearcher searcher,
            Query query,
            FacetFilters filters,
            SortOrder sort,
            int topN,
            long sampleAbove,
            Consumer<Weight> tooManyToRank)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (sort == SortOrder.RELEVANCE && filters.count() == 0) {
            // few matches: scoring them all in this pass ranks them for less than a separate top-k search would
            Weight scoring = searcher.createWeight(query, ScoreMode.TOP_SCORES, 1f);
            List<BulkScorer> scorers = new ArrayList<>(leaves.size());
            if (cost(scoring, leaves, scorers) <= RANK_IN_PASS) {
                return scored(sort, topN, filters, leaves, scorers);
            }
            tooManyToRank.accept(scoring);
        }
        GroupingCollector collector = new GroupingCollector(sort, topN, false, filters);
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<BulkScorer> scorers = new ArrayList<>(leaves.size());
        long cost = cost(weight, leaves, scorers);
        if (sort == SortOrder.RELEVANCE && filters.count() > 0 && cost <= RANK_IN_PASS) {
            // the same with filters, in one pass instead of counting and then ranking the narrowed query: the filters
            // do not score, so a document passing them all scores here as in the narrowed query, and the collector
            // ranks only such documents, with their entries that pass the language filter
            Weight scoring = searcher.createWeight(query, ScoreMode.TOP_SCORES, 1f);
            List<BulkScorer> scoringScorers = new ArrayList<>(leaves.size());
            cost(scoring, leaves, scoringScorers);
            return scored(sort, topN, filters, leaves, scoringScorers);
        }
        double rate = sort == SortOrder.RELEVANCE && sampleAbove > 0 && cost > 2 * sampleAbove
                ? (double) sampleAbove / cost
                : 1.0;
        long[] coverage = pass(collector, leaves, scorers, rate);
        if (rate >= 1.0) {
            return new Counted(collector.total(), false, collector.facets(), collector.top(), collector.depth());
        }
        if (collector.total() == 0) {
            return count(searcher, query, filters, sort, topN, 0); // the sample missed every match: never say "nothing"
        }
        double scale = coverage[0] == 0 ? 0 : (double) coverage[1] / coverage[0];
        Map<String, Map<String, Long>> facets = new HashMap<>();
        collector.facets().forEach((facet, counts) -> {
            Map<String, Long> scaled = new HashMap<>();
            counts.forEach((value, count) -> scaled.put(value, estimate(count, scale)));
            facets.put(facet, scaled);
        });
        return new Counted(estimate(collector.total(), scale), true, facets, List.of(), 0);
    }

    /** One pass that counts, scores every match and keeps the best documents. */
    private static Counted scored(
            SortOrder sort, int topN, FacetFilters filters, List<LeafReaderContext> leaves, List<BulkScorer> scorers)
            throws IOException {
        GroupingCollector collector = new GroupingCollector(sort, topN, true, filters);
        pass(collector, leaves, scorers, 1.0);
        return new Counted(collector.total(), false, collector.facets(), collector.top(), collector.depth());
    }

    /**
     * The best {@code depth} documents in relevance order: few matches are all scored in one pass, as {@link #count}
     * does; more by a top-k search that skips what cannot compete ({@link Ranking}).
     *
     * @param query narrowed by all filters ({@link FacetFilters#narrow}), rewritten by this searcher
     */
    static ResultCache.Ranked rank(IndexSearcher searcher, Query query, int depth) throws IOException {
        return rank(searcher, query, depth, null);
    }

    /**
     * @param tooMany the query's scoring weight as {@link #count} found it, too many matches to rank in one pass; null
     *     when not known
     */
    static ResultCache.Ranked rank(IndexSearcher searcher, Query query, int depth, Weight tooMany) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (tooMany != null) {
            return Ranking.ranked(tooMany, leaves, depth);
        }
        Weight scoring = searcher.createWeight(query, ScoreMode.TOP_SCORES, 1f);
        List<BulkScorer> scorers = new ArrayList<>(leaves.size());
        if (cost(scoring, leaves, scorers) <= RANK_IN_PASS) {
            GroupingCollector collector = new GroupingCollector(SortOrder.RELEVANCE, depth, true, FacetFilters.NONE);
            pass(collector, leaves, scorers, 1.0);
            return new ResultCache.Ranked(collector.top(), depth);
        }
        return Ranking.ranked(scoring, leaves, depth);
    }

    /**
     * What a pass over the query's matches will visit, estimated before any pass: the postings of its terms (their
     * document frequencies, summed), or {@link Long#MAX_VALUE} when the query matches by anything but terms (all
     * documents, ranges) or has more terms than are worth counting. Stops counting above {@code enough}.
     */
    static long postings(IndexSearcher searcher, Query query, long enough) throws IOException {
        Set<Term> terms = new HashSet<>();
        Map<Term, Integer> lookedUp = new HashMap<>(); // by LookedUp: their frequencies known without a seek
        boolean[] other = new boolean[1];
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... found) {
                if (query instanceof TermQuery term && term.getTermStates() != null) {
                    lookedUp.put(term.getTerm(), term.getTermStates().docFreq());
                } else {
                    terms.addAll(Arrays.asList(found));
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                other[0] = true;
            }

            @Override
            public void visitLeaf(Query query) {
                other[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        terms.removeAll(lookedUp.keySet());
        if (other[0] || terms.size() + lookedUp.size() > MOST_TERMS_ESTIMATED) {
            return Long.MAX_VALUE;
        }
        long postings = 0;
        for (int docFreq : lookedUp.values()) {
            postings += docFreq;
        }
        for (Term term : terms) {
            if (postings > enough) {
                break;
            }
            postings += searcher.getIndexReader().docFreq(term);
        }
        return postings;
    }

    private static final int MOST_TERMS_ESTIMATED = 256;

    /** Sums the leaves' estimated costs (an upper bound of the matches), keeping their bulk scorers (null: none). */
    private static long cost(Weight weight, List<LeafReaderContext> leaves, List<BulkScorer> scorers)
            throws IOException {
        long cost = 0;
        for (LeafReaderContext leaf : leaves) {
            BulkScorer scorer = weight.bulkScorer(leaf);
            scorers.add(scorer);
            cost += scorer == null ? 0 : scorer.cost();
        }
        return cost;
    }

    /**
     * Collects every leaf, whole or (rate below 1) in sample windows.
     *
     * @return doc ids covered and doc ids in all
     */
    private static long[] pass(
            GroupingCollector collector, List<LeafReaderContext> leaves, List<BulkScorer> scorers, double rate)
            throws IOException {
        long covered = 0;
        long all = 0;
        for (int i = 0; i < leaves.size(); i++) {
            LeafReaderContext leaf = leaves.get(i);
            int maxDoc = leaf.reader().maxDoc();
            all += maxDoc;
            BulkScorer scorer = scorers.get(i);
            if (scorer == null) {
                covered += maxDoc;
                continue;
            }
            LeafCollector collect;
            try {
                collect = collector.getLeafCollector(leaf);
            } catch (CollectionTerminatedException e) {
                covered += maxDoc;
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            covered +=
                    rate >= 1.0 ? whole(scorer, collect, live, maxDoc) : sample(scorer, collect, live, maxDoc, rate, i);
            collect.finish();
        }
        return new long[] {covered, all};
    }

    private static long whole(BulkScorer scorer, LeafCollector collect, Bits live, int maxDoc) throws IOException {
        try {
            scorer.score(collect, live, 0, DocIdSetIterator.NO_MORE_DOCS);
        } catch (CollectionTerminatedException e) {
            // nothing more in this leaf
        }
        return maxDoc;
    }

    /**
     * Scores evenly spaced windows covering about {@code rate} of the leaf, each shifted by a fixed pseudo-random
     * amount within its stride (the same every time: a search gives the same answer twice).
     *
     * @return how many doc ids the windows covered
     */
    private static long sample(BulkScorer scorer, LeafCollector collect, Bits live, int maxDoc, double rate, int seed)
            throws IOException {
        int window = (int) Math.max(16, Math.min(4096, maxDoc * rate / WINDOWS));
        int stride = (int) Math.max(window + 1L, Math.round(window / rate));
        long covered = 0;
        int next = 0;
        try {
            for (int k = 0; (long) k * stride < maxDoc; k++) {
                long mixed = (k + 1L) * 0x9E3779B97F4A7C15L + seed * 0xC2B2AE3D27D4EB4FL;
                int start =
                        (int) Math.min(maxDoc, (long) k * stride + Long.remainderUnsigned(mixed, stride - window + 1));
                int end = (int) Math.min(maxDoc, (long) start + window);
                covered += end - start;
                if (next >= end) {
                    continue; // nothing matches in this window (nor, after NO_MORE_DOCS, in any later one)
                }
                next = scorer.score(collect, live, Math.max(start, next), end);
            }
        } catch (CollectionTerminatedException e) {
            // nothing more in this leaf
        }
        return covered;
    }

    /** A count seen in the sample scaled up to the whole index, to two significant digits (and never 0). */
    static long estimate(long sampled, double scale) {
        if (sampled == 0) {
            return 0;
        }
        double value = sampled * scale;
        double unit = Math.pow(10, Math.max(0, Math.floor(Math.log10(value)) - 1));
        return Math.max(1, Math.round(value / unit) * (long) unit);
    }
}
