package org.verso.translation;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.verso.accounts.Accounts;
import org.verso.library.Documents;
import org.verso.library.FileStore;

/** Wires segmentation: the Okapi-driven service, the segment store and the listener on ingested files. */
@Configuration(proxyBeanMethods = false)
class TranslationConfiguration {

    @Bean(destroyMethod = "close")
    Segmentation segmentation(TranslationProperties properties) {
        return new Segmentation(properties);
    }

    @Bean
    Segments segments(
            JdbcClient db, JdbcTemplate batch, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        return new Segments(db, batch, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FileSegmenter fileSegmenter(
            Segmentation segmentation,
            Segments segments,
            FileStore files,
            Documents documents,
            ApplicationEventPublisher events,
            SourceVersions versions) {
        return new FileSegmenter(segmentation, segments, files, documents, events, versions);
    }

    @Bean
    SourceVersions sourceVersions(JdbcClient db, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        return new SourceVersions(db, events, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    StoredRevisions revisions(JdbcClient db) {
        return new StoredRevisions(db);
    }

    @Bean
    Translations translations(
            JdbcClient db,
            JdbcTemplate batch,
            PlatformTransactionManager transactions,
            Accounts accounts,
            Documents documents,
            ApplicationEventPublisher events,
            ObjectProvider<Clock> clock,
            TranslationProperties properties,
            SegmentQuality quality,
            ObjectProvider<PreTranslation> preTranslation) {
        return new Translations(
                db,
                batch,
                transactions,
                accounts,
                documents,
                events,
                clock.getIfAvailable(Clock::systemUTC),
                properties,
                quality,
                preTranslation.getIfAvailable());
    }

    /** The quality checks; the glossary's checks only when a glossary is there ({@link GlossaryTerms}). */
    @Bean
    SegmentQuality segmentQuality(JdbcClient db, ObjectProvider<GlossaryTerms> glossary) {
        return new SegmentQuality(db, glossary.getIfAvailable());
    }

    @Bean
    QualityReview qualityReview(
            Translations translations,
            SegmentQuality quality,
            Accounts accounts,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        return new QualityReview(translations, quality, accounts, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    TranslatedOutput translatedOutput(
            Translations translations,
            StoredRevisions revisions,
            Segments segments,
            Segmentation segmentation,
            FileStore files) {
        return new TranslatedOutput(translations, revisions, segments, segmentation, files);
    }

    @Bean(destroyMethod = "close")
    IngestedFileListener ingestedFileListener(
            Segments segments, FileSegmenter segmenter, TranslationProperties properties) {
        return new IngestedFileListener(segments, segmenter, properties.workers());
    }
}
