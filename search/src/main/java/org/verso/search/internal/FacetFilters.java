package org.verso.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.verso.search.SearchFilters;
import org.verso.search.TranslationStatus;

/**
 * A search's facet filters as index terms: for the language facet (per entry) and each document facet ({@link
 * GroupingCollector#DOCUMENT_FACETS}) the values chosen, empty for a facet not filtered. Values of one facet are
 * alternatives, facets combine. Immutable.
 */
final class FacetFilters {
    final List<BytesRef> languages;
    /** Per document facet, in the order of {@link GroupingCollector#DOCUMENT_FACETS}. */
    final List<List<BytesRef>> documents;

    /** No filter at all. */
    static final FacetFilters NONE = of(SearchFilters.NONE);

    private FacetFilters(List<BytesRef> languages, List<List<BytesRef>> documents) {
        this.languages = languages;
        this.documents = documents;
    }

    static FacetFilters of(SearchFilters filters) {
        List<List<BytesRef>> documents = new ArrayList<>();
        documents.add(terms(filters.kinds()));
        documents.add(terms(filters.issuingBodies()));
        documents.add(
                terms(filters.statuses().stream().map(TranslationStatus::code).toList()));
        documents.add(terms(filters.years().stream().map(String::valueOf).toList()));
        return new FacetFilters(
                terms(filters.languages().stream().map(Languages::normalize).toList()), List.copyOf(documents));
    }

    private static List<BytesRef> terms(Collection<String> values) {
        return values.stream().distinct().map(BytesRef::new).toList();
    }

    /** How many facets are filtered. */
    int count() {
        int count = languages.isEmpty() ? 0 : 1;
        for (List<BytesRef> values : documents) {
            count += values.isEmpty() ? 0 : 1;
        }
        return count;
    }

    /** The filter clauses, one per filtered facet: the language first, then the document facets. */
    private List<Query> clauses() {
        List<Query> clauses = new ArrayList<>();
        if (!languages.isEmpty()) {
            clauses.add(new TermInSetQuery(Fields.LANG, languages));
        }
        for (int i = 0; i < documents.size(); i++) {
            if (!documents.get(i).isEmpty()) {
                clauses.add(new TermInSetQuery(GroupingCollector.FACET_FIELDS.get(i), documents.get(i)));
            }
        }
        return clauses;
    }

    /** The query narrowed by every filter (non-scoring): what is ranked and shown. */
    Query narrow(Query text) {
        List<Query> clauses = clauses();
        if (clauses.isEmpty()) {
            return text;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        clauses.forEach(clause -> query.add(clause, Occur.FILTER));
        return query.build();
    }

    /**
     * The query narrowed by all filters but one (any one): what counting visits so that each facet's values are
     * counted with the filters of the other facets only (choosing a value leaves the counts of its alternatives).
     */
    Query sideways(Query text) {
        List<Query> clauses = clauses();
        if (clauses.size() < 2) {
            return text;
        }
        BooleanQuery.Builder allButOne = new BooleanQuery.Builder().setMinimumNumberShouldMatch(clauses.size() - 1);
        clauses.forEach(clause -> allButOne.add(clause, Occur.SHOULD));
        return new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(allButOne.build(), Occur.FILTER)
                .build();
    }
}
