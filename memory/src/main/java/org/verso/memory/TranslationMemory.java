package org.verso.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.memory.internal.Dictionary;
import org.verso.memory.internal.Tokens;

/**
 * The translation memory: its units in the database ({@code memory_unit}) and, per language pair, an in-process
 * candidate index of their sources, built from the database at start and kept current by every addition (after its
 * commit). Matches are scored as docs/memory.md describes, the same score everywhere (editor, API, leverage).
 *
 * <p>Thread-safe.
 */
public class TranslationMemory {
    private static final Logger log = LoggerFactory.getLogger(TranslationMemory.class);
    private static final int READ_BATCH = 500;
    /** Units kept after a lookup read them (a few MB): the editor asks again for the same segments' matches. */
    private final StoredUnits store;

    private final TransactionTemplate transactions;
    private final MemoryProperties settings;
    private final Dictionary dictionary = new Dictionary();
    private final Map<String, FuzzyIndex> pairs = new ConcurrentHashMap<>();
    private final List<Consumer<List<MemoryUnit>>> listeners = new CopyOnWriteArrayList<>();
    private final Map<UUID, MemoryUnit> recent = new ConcurrentHashMap<>();
    /** Counts the additions that changed stored units, so that a read racing one of them is not cached. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    TranslationMemory(StoredUnits store, PlatformTransactionManager transactions, MemoryProperties settings) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        rebuild();
    }

    public MemoryProperties settings() {
        return settings;
    }

    /**
     * Adds units in one transaction: a unit whose pair and texts the memory holds already only replaces the stored
     * provenance when it is newer. The index and the listeners see the new units after the commit.
     */
    public Added add(List<MemoryUnit> units) {
        Objects.requireNonNull(units, "units");
        List<UUID> changed = new ArrayList<>();
        Added result;
        try {
            result = transactions.execute(status -> {
                List<MemoryUnit> added = new ArrayList<>();
                List<MemoryUnit> updated = new ArrayList<>();
                List<MemoryUnit> unchanged = new ArrayList<>();
                Map<String, MemoryUnit> batch = new LinkedHashMap<>();
                List<String> keys = units.stream()
                        .map(u ->
                                StoredUnits.contentKey(u.sourceLanguage(), u.targetLanguage(), u.source(), u.target()))
                        .toList();
                // one query per 500 units for those stored already, not one per unit
                Map<String, MemoryUnit> stored = store.sameAll(new java.util.HashSet<>(keys));
                java.util.Set<String> decided = new java.util.HashSet<>();
                for (int i = 0; i < units.size(); i++) {
                    MemoryUnit unit = units.get(i);
                    String key = keys.get(i);
                    if (!decided.add(key)) { // the same unit twice in one addition: the first counts
                        unchanged.add(unit);
                        continue;
                    }
                    MemoryUnit same = stored.get(key);
                    if (same == null) {
                        batch.put(key, unit);
                        added.add(unit);
                    } else if (unit.provenance()
                            .date()
                            .isAfter(same.provenance().date())) {
                        store.update(same.id(), unit.provenance(), unit.contextKey());
                        changed.add(same.id().value());
                        updated.add(unit);
                    } else {
                        unchanged.add(unit);
                    }
                }
                store.insert(new ArrayList<>(batch.values()));
                return new Added(added, updated, unchanged);
            });
        } finally {
            // after the commit (or the rollback): cached copies of updated units go, and none read before stays
            if (!changed.isEmpty()) {
                changes.incrementAndGet();
                changed.forEach(recent::remove);
            }
        }
        for (MemoryUnit unit : result.added()) {
            index(unit.id().value(), unit.sourceLanguage(), unit.targetLanguage(), unit.source());
        }
        if (!result.added().isEmpty()) {
            for (Consumer<List<MemoryUnit>> listener : listeners) {
                try {
                    listener.accept(result.added());
                } catch (RuntimeException e) {
                    log.warn("A listener of new memory units failed: {}", e.toString());
                }
            }
        }
        return result;
    }

    /** Calls {@code listener} with every batch of units added from now on, after its commit (concordance feeds). */
    public void onAdded(Consumer<List<MemoryUnit>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The best matches for a segment, best first: in-context (101), exact (100), then fuzzy down to the minimum. */
    public List<Match> matches(MatchQuery query) {
        return matches(List.of(query)).get(0);
    }

    /**
     * The best matches of each query, in the queries' order ({@link #matches(MatchQuery)}): the index is asked for
     * each, the units found are read together (a query per {@value #READ_BATCH} units, not one per segment).
     */
    public List<List<Match>> matches(List<MatchQuery> queries) {
        List<List<Tokens.Token>> tokens = new ArrayList<>(queries.size());
        List<List<FuzzyIndex.Scored>> candidates = new ArrayList<>(queries.size());
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
        for (MatchQuery query : queries) {
            FuzzyIndex index = pairs.get(pairKey(query.sourceLanguage(), query.targetLanguage()));
            List<Tokens.Token> queryTokens = Tokens.of(query.source()); // once: the index and the marks read them
            // a number or code that differs costs a point after the index's ranking: ask for a few more than wanted
            List<FuzzyIndex.Scored> found = index == null
                    ? List.of()
                    : index.best(query.source(), queryTokens, minScore(query), query.limit() * 2 + 5);
            tokens.add(queryTokens);
            candidates.add(found);
            found.forEach(c -> ids.add(c.id()));
        }
        Map<UUID, MemoryUnit> units = units(ids);
        List<List<Match>> answers = new ArrayList<>(queries.size());
        for (int q = 0; q < queries.size(); q++) {
            answers.add(scored(queries.get(q), tokens.get(q), candidates.get(q), units));
        }
        return answers;
    }

    /** The units of these ids: those read lately from the cache, the rest from the database (then cached). */
    private Map<UUID, MemoryUnit> units(java.util.Set<UUID> ids) {
        Map<UUID, MemoryUnit> units = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            MemoryUnit cached = recent.get(id);
            if (cached == null) {
                missing.add(id);
            } else {
                units.put(id, cached);
            }
        }
        long generation = changes.get();
        for (int from = 0; from < missing.size(); from += READ_BATCH) {
            Map<UUID, MemoryUnit> read =
                    store.byIds(missing.subList(from, Math.min(missing.size(), from + READ_BATCH)));
            units.putAll(read);
            remember(read, generation);
        }
        return units;
    }

    /**
     * Caches units read at {@code generation}, unless a unit's provenance changed since (then a reader that read the
     * old row before the change committed must not cache it). Bounded: past {@link MemoryProperties#cachedUnits()}, the oldest tenth go.
     */
    private void remember(Map<UUID, MemoryUnit> read, long generation) {
        if (read.isEmpty() || changes.get() != generation) {
            return;
        }
        int cached = settings.cachedUnits();
        if (recent.size() + read.size() > cached) {
            var evict = recent.keySet().iterator();
            for (int n = read.size() + cached / 10; n > 0 && evict.hasNext(); n--) {
                evict.next();
                evict.remove();
            }
        }
        recent.putAll(read);
        if (changes.get() != generation) {
            read.keySet().forEach(recent::remove);
        }
    }

    /** How many units the lookups' cache holds now (tests of its bound). */
    int cachedUnitCount() {
        return recent.size();
    }

    private List<Match> scored(
            MatchQuery query,
            List<Tokens.Token> tokens,
            List<FuzzyIndex.Scored> candidates,
            Map<UUID, MemoryUnit> units) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int minScore = minScore(query);
        List<Match> matches = new ArrayList<>();
        for (FuzzyIndex.Scored c : candidates) {
            MemoryUnit unit = units.get(c.id());
            if (unit != null) {
                Match match = Scoring.match(query, tokens, unit, c.score());
                if (match.score() >= minScore) {
                    matches.add(match);
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::score)
                .reversed()
                .thenComparing(m -> m.unit().provenance().date(), Comparator.reverseOrder()));
        return matches.size() > query.limit() ? List.copyOf(matches.subList(0, query.limit())) : matches;
    }

    private int minScore(MatchQuery query) {
        return query.minScore() == null ? settings.minScore() : query.minScore();
    }

    /** How many units the index holds (all pairs). */
    public long size() {
        return pairs.values().stream().mapToLong(FuzzyIndex::size).sum();
    }

    /** Builds the candidate index again from the database; answers how many units it holds. */
    public synchronized int rebuild() {
        long start = System.nanoTime();
        Map<String, FuzzyIndex> fresh = new HashMap<>();
        int[] count = {0};
        store.forEachSource(row -> {
            fresh.computeIfAbsent(pairKey(row.sourceLanguage(), row.targetLanguage()), k -> new FuzzyIndex(dictionary))
                    .add(row.id(), row.source());
            count[0]++;
        });
        pairs.clear();
        pairs.putAll(fresh);
        changes.incrementAndGet();
        recent.clear();
        log.info(
                "Translation memory: {} units in {} language pairs indexed in {} ms",
                count[0],
                fresh.size(),
                (System.nanoTime() - start) / 1_000_000);
        return count[0];
    }

    /** Every unit of a pair (null: any language) and of a document (null: any), oldest first. */
    public void forEach(
            LanguageTag sourceLanguage, LanguageTag targetLanguage, DocumentId document, Consumer<MemoryUnit> each) {
        store.forEach(sourceLanguage, targetLanguage, document, each);
    }

    private void index(UUID id, LanguageTag source, LanguageTag target, String markup) {
        pairs.computeIfAbsent(pairKey(source, target), k -> new FuzzyIndex(dictionary))
                .add(id, markup);
    }

    private static String pairKey(LanguageTag source, LanguageTag target) {
        return source.value() + '\u0000' + target.value();
    }
}
