package org.verso.glossary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.verso.library.ConflictException;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.NotFoundException;
import org.verso.translation.GlossaryTerms;
import org.verso.translation.TermMatch;
import org.verso.translation.TermRule;

/**
 * The glossary's terms: kept per language pair, found in texts (inflected forms too, as {@link TermMatch} compares
 * words), and offered to translation's quality checks as {@link GlossaryTerms}.
 *
 * <p>Thread-safe. Finding reads each language pair's terms from a cache that every change empties.
 */
@Service
public class Glossary implements GlossaryTerms {
    public static final int MAX_PAGE_SIZE = 500;
    private static final String COLUMNS = "id, source_language, target_language, source_term, target_term,"
            + " part_of_speech, note, forbidden, updated_at";

    private final JdbcClient db;
    private final Clock clock;
    private final Map<String, PairTerms> cache = new ConcurrentHashMap<>();

    Glossary(JdbcClient db, ObjectProvider<Clock> clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * A page of terms, by source term, optionally of one pair (either language may be null: any) and containing
     * {@code q} in either term.
     */
    public TermPage list(LanguageTag source, LanguageTag target, String q, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(
                    "invalid-page", "page starts at 1 and size lies within 1…" + MAX_PAGE_SIZE + ".");
        }
        List<Object> params = new ArrayList<>();
        String where = where(source, target, q, params);
        long total = db.sql("SELECT COUNT(*) FROM glossary_term" + where)
                .params(params.toArray())
                .query(Long.class)
                .single();
        params.add(size);
        params.add((long) (page - 1) * size);
        List<Term> items = db.sql("SELECT " + COLUMNS + " FROM glossary_term" + where
                        + " ORDER BY source_language, target_language, source_key, target_key LIMIT ? OFFSET ?")
                .params(params.toArray())
                .query(Glossary::term)
                .list();
        return new TermPage(items, total);
    }

    /** Every term of one pair (either language may be null: any), for export. */
    public List<Term> all(LanguageTag source, LanguageTag target) {
        List<Object> params = new ArrayList<>();
        String where = where(source, target, null, params);
        return db.sql("SELECT " + COLUMNS + " FROM glossary_term" + where
                        + " ORDER BY source_language, target_language, source_key, target_key")
                .params(params.toArray())
                .query(Glossary::term)
                .list();
    }

    private static String where(LanguageTag source, LanguageTag target, String q, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (source != null) {
            where.append(" AND source_language = ?");
            params.add(source.value());
        }
        if (target != null) {
            where.append(" AND target_language = ?");
            params.add(target.value());
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(source_term) LIKE ? OR LOWER(target_term) LIKE ?)");
            String like = "%" + q.strip().toLowerCase().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        return where.toString();
    }

    public Term get(TermId id) {
        return find(id).orElseThrow(() -> new NotFoundException("term-not-found", "There is no term " + id + "."));
    }

    public Optional<Term> find(TermId id) {
        return db.sql("SELECT " + COLUMNS + " FROM glossary_term WHERE id = ?")
                .param(id.value())
                .query(Glossary::term)
                .optional();
    }

    /** The term of a pair with these source and target terms (compared by {@link TermDraft#key}), if any. */
    Optional<Term> same(TermDraft draft) {
        return db.sql("SELECT " + COLUMNS + " FROM glossary_term WHERE source_language = ? AND target_language = ?"
                        + " AND source_key = ? AND target_key = ?")
                .params(
                        draft.sourceLanguage().value(),
                        draft.targetLanguage().value(),
                        TermDraft.key(draft.sourceTerm()),
                        TermDraft.key(draft.targetTerm()))
                .query(Glossary::term)
                .optional();
    }

    /**
     * Adds a term.
     *
     * @throws ConflictException {@code term-exists} when the pair has this source term with this target term
     */
    public Term add(TermDraft draft) {
        TermId id = TermId.random();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            db.sql("INSERT INTO glossary_term (id, source_language, target_language, source_term, source_key,"
                            + " target_term, target_key, part_of_speech, note, forbidden, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id.value(),
                            draft.sourceLanguage().value(),
                            draft.targetLanguage().value(),
                            draft.sourceTerm(),
                            TermDraft.key(draft.sourceTerm()),
                            draft.targetTerm(),
                            TermDraft.key(draft.targetTerm()),
                            draft.partOfSpeech(),
                            draft.note(),
                            String.join("\n", draft.forbidden()),
                            now,
                            now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw exists(draft);
        } finally {
            cache.clear();
        }
        return get(id);
    }

    /**
     * Replaces a term's content.
     *
     * @throws NotFoundException {@code term-not-found}
     * @throws ConflictException {@code term-exists} when another term of the pair has these terms already
     */
    public Term update(TermId id, TermDraft draft) {
        get(id);
        try {
            db.sql("UPDATE glossary_term SET source_language = ?, target_language = ?, source_term = ?,"
                            + " source_key = ?, target_term = ?, target_key = ?, part_of_speech = ?, note = ?,"
                            + " forbidden = ?, updated_at = ? WHERE id = ?")
                    .params(
                            draft.sourceLanguage().value(),
                            draft.targetLanguage().value(),
                            draft.sourceTerm(),
                            TermDraft.key(draft.sourceTerm()),
                            draft.targetTerm(),
                            TermDraft.key(draft.targetTerm()),
                            draft.partOfSpeech(),
                            draft.note(),
                            String.join("\n", draft.forbidden()),
                            Timestamp.from(clock.instant()),
                            id.value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw exists(draft);
        } finally {
            cache.clear();
        }
        return get(id);
    }

    /** Deletes a term; {@code term-not-found} when there is none. */
    public void delete(TermId id) {
        int rows = db.sql("DELETE FROM glossary_term WHERE id = ?")
                .param(id.value())
                .update();
        cache.clear();
        if (rows == 0) {
            throw new NotFoundException("term-not-found", "There is no term " + id + ".");
        }
    }

    /**
     * The terms of a pair that occur in a text, in the order they occur; where two overlap, the longer (more words)
     * wins. Inflected forms count ({@link TermMatch#sameWord}).
     */
    public List<FoundTerm> find(String text, LanguageTag source, LanguageTag target) {
        if (text == null || text.isBlank() || source == null || target == null) {
            return List.of();
        }
        PairTerms terms = cache.computeIfAbsent(source.value() + " " + target.value(), k -> index(source, target));
        if (terms.byPrefix().isEmpty()) {
            return List.of();
        }
        List<TermMatch.Word> words = TermMatch.spans(text);
        List<String> texts = words.stream().map(TermMatch.Word::text).toList();
        List<FoundTerm> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Candidate best = null;
            for (Candidate c : terms.byPrefix().getOrDefault(prefix(texts.get(i)), List.of())) {
                if (i + c.words().size() <= texts.size()
                        && TermMatch.firstAt(texts.subList(i, i + c.words().size()), c.words(), 0) == 0
                        && (best == null || c.words().size() > best.words().size())) {
                    best = c;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int last = i + best.words().size() - 1;
            found.add(new FoundTerm(words.get(i).start(), words.get(last).end(), best.terms()));
            i = last + 1;
        }
        return found;
    }

    /**
     * The other side of every term of any pair that occurs in a text: the approved translations of its source terms
     * and the source terms of its target terms ({@code torture} gives {@code пытки} and {@code пытки} gives
     * {@code torture}), each once, in glossary order, at most {@code limit}; none that the text contains already.
     * For search to look across languages.
     */
    public List<String> equivalents(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = TermMatch.words(text);
        List<Term> terms = cache.computeIfAbsent("*", k -> new PairTerms(Map.of(), all(null, null)))
                .all();
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        for (Term t : terms) {
            List<String> source = TermMatch.words(t.sourceTerm());
            List<String> target = TermMatch.words(t.targetTerm());
            if (TermMatch.occursIn(words, source) && !TermMatch.occursIn(words, target)) {
                found.add(t.targetTerm());
            } else if (TermMatch.occursIn(words, target) && !TermMatch.occursIn(words, source)) {
                found.add(t.sourceTerm());
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return List.copyOf(found);
    }

    @Override
    public List<TermRule> termsIn(String sourceText, LanguageTag source, LanguageTag target) {
        Map<String, TermRule> rules = new LinkedHashMap<>();
        for (FoundTerm f : find(sourceText, source, target)) {
            Term first = f.terms().get(0);
            rules.computeIfAbsent(
                    TermDraft.key(first.sourceTerm()),
                    k -> new TermRule(
                            first.sourceTerm(),
                            f.terms().stream().map(Term::targetTerm).distinct().toList(),
                            f.terms().stream()
                                    .flatMap(t -> t.forbidden().stream())
                                    .distinct()
                                    .toList()));
        }
        return List.copyOf(rules.values());
    }

    private record Candidate(List<String> words, List<Term> terms) {}

    private record PairTerms(Map<String, List<Candidate>> byPrefix, List<Term> all) {}

    private PairTerms index(LanguageTag source, LanguageTag target) {
        Map<String, List<Term>> bySource = new LinkedHashMap<>();
        for (Term t : pair(source, target)) {
            bySource.computeIfAbsent(TermDraft.key(t.sourceTerm()), k -> new ArrayList<>())
                    .add(t);
        }
        Map<String, List<Candidate>> byPrefix = new HashMap<>();
        bySource.forEach((key, terms) -> {
            List<String> words = Arrays.asList(key.split(" "));
            byPrefix.computeIfAbsent(prefix(words.get(0)), k -> new ArrayList<>())
                    .add(new Candidate(words, terms));
        });
        return new PairTerms(byPrefix, List.of());
    }

    private List<Term> pair(LanguageTag source, LanguageTag target) {
        return all(source, target);
    }

    /** Words that {@link TermMatch#sameWord} may match share their first three characters (or are equal). */
    private static String prefix(String word) {
        return word.length() <= 3 ? word : word.substring(0, 3);
    }

    void changed() {
        cache.clear();
    }

    private static ConflictException exists(TermDraft draft) {
        return new ConflictException(
                "term-exists",
                "The glossary has \"" + draft.sourceTerm() + "\" → \"" + draft.targetTerm() + "\" for "
                        + draft.sourceLanguage() + "→" + draft.targetLanguage() + " already.");
    }

    static Term term(ResultSet rs, int n) throws SQLException {
        String forbidden = rs.getString("forbidden");
        return new Term(
                new TermId(rs.getObject("id", UUID.class)),
                LanguageTag.of(rs.getString("source_language")),
                LanguageTag.of(rs.getString("target_language")),
                rs.getString("source_term"),
                rs.getString("target_term"),
                rs.getString("part_of_speech"),
                rs.getString("note"),
                forbidden == null || forbidden.isEmpty() ? List.of() : List.of(forbidden.split("\n")),
                rs.getTimestamp("updated_at").toInstant());
    }
}
