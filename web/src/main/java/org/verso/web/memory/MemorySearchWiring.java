package org.verso.web.memory;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.verso.memory.MemoryUnit;
import org.verso.memory.TranslationMemory;
import org.verso.search.Concordance;
import org.verso.search.SearchableMemoryUnit;

/**
 * Search's concordance index is fed with the memory's units: every unit added from now on (after its commit), and at
 * start, in the background, every unit stored (indexing the same id again replaces it, so this is safe to repeat).
 */
@Configuration(proxyBeanMethods = false)
class MemorySearchWiring {
    private static final Logger log = LoggerFactory.getLogger(MemorySearchWiring.class);
    private static final int BATCH = 1000;

    private final TranslationMemory memory;
    private final Concordance concordance;

    MemorySearchWiring(TranslationMemory memory, Concordance concordance) {
        this.memory = memory;
        this.concordance = concordance;
        memory.onAdded(units -> concordance.index(
                units.stream().map(MemorySearchWiring::searchable).toList()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        Thread thread = new Thread(this::indexAll, "memory-concordance");
        thread.setDaemon(true);
        thread.start();
    }

    void indexAll() {
        try {
            List<SearchableMemoryUnit> batch = new ArrayList<>();
            int[] count = {0};
            memory.forEach(null, null, null, unit -> {
                batch.add(searchable(unit));
                count[0]++;
                if (batch.size() == BATCH) {
                    concordance.index(batch);
                    batch.clear();
                }
            });
            concordance.index(batch);
            log.info("Concordance: {} memory units indexed", count[0]);
        } catch (RuntimeException e) {
            log.warn("Concordance: indexing the memory's units failed: {}", e.toString(), e);
        }
    }

    static SearchableMemoryUnit searchable(MemoryUnit unit) {
        var p = unit.provenance();
        return new SearchableMemoryUnit(
                unit.id().toString(),
                unit.sourceLanguage().value(),
                unit.sourceText(),
                unit.targetLanguage().value(),
                unit.targetText(),
                p.note() != null
                        ? p.note()
                        : p.document() == null ? null : p.document().toString());
    }
}
