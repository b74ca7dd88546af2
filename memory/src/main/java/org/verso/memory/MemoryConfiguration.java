package org.verso.memory;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.verso.translation.Translations;

/** Wires the memory: its store, the index built from it at start, TMX, leverage, the listener on approvals. */
@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {
    @Bean
    TranslationMemory translationMemory(
            JdbcClient db, JdbcTemplate jdbc, PlatformTransactionManager transactions, MemoryProperties settings) {
        return new TranslationMemory(new StoredUnits(db, jdbc), transactions, settings);
    }

    @Bean
    TmxFiles tmxFiles(TranslationMemory memory, MemoryProperties settings, ObjectProvider<Clock> clock) {
        return new TmxFiles(memory, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    LeverageAnalysis leverageAnalysis(Translations translations, TranslationMemory memory) {
        return new LeverageAnalysis(translations, memory);
    }

    @Bean
    OfflineMatches offlineMatches(LeverageAnalysis analysis, TmxFiles tmx, MemoryProperties settings) {
        return new OfflineMatches(analysis, tmx, settings);
    }

    /** Opening a translation fills the segments the memory holds exactly (translation's {@code PreTranslation}). */
    @Bean
    MemoryPreTranslation memoryPreTranslation(TranslationMemory memory) {
        return new MemoryPreTranslation(memory);
    }

    @Bean
    MemoryUnitAids memoryUnitAids(LeverageAnalysis analysis, MemoryProperties settings, OfflineMatches matches) {
        return new MemoryUnitAids(analysis, settings, matches);
    }

    @Bean
    ApprovedSegments approvedSegments(Translations translations, TranslationMemory memory) {
        return new ApprovedSegments(translations, memory);
    }
}
