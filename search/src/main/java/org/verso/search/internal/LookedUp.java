package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A rewritten query whose term queries carry their terms' states and statistics, each term looked up in the index
 * once: a computed search estimates its postings ({@link Counting#postings}), counts and ranks with weights of its own,
 * and each weight would otherwise look every term up again (a word is searched in a dozen fields). Valid for the
 * searcher it was looked up with only (its cached answers belong to that searcher's generation too).
 */
final class LookedUp {
    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new HashMap<>();

    private LookedUp(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The query with its terms looked up, its structure, clauses and equality unchanged. */
    static Query of(IndexSearcher searcher, Query rewritten) throws IOException {
        return new LookedUp(searcher).with(rewritten);
    }

    private Query with(Query query) throws IOException {
        if (query instanceof TermQuery term) {
            if (term.getTermStates() != null) {
                return term;
            }
            TermStates known = states.get(term.getTerm());
            if (known == null) {
                known = TermStates.build(searcher, term.getTerm(), true);
                states.put(term.getTerm(), known);
            }
            return new TermQuery(term.getTerm(), known);
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(with(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return new ConstantScoreQuery(with(constant.getQuery()));
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> disjuncts = new ArrayList<>();
            for (Query disjunct : max.getDisjuncts()) {
                disjuncts.add(with(disjunct));
            }
            return new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(with(clause.getQuery()), clause.getOccur());
            }
            return builder.build();
        }
        return query;
    }
}
