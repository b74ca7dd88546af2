package org.verso.ingest.internal.batch;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.verso.ingest.Extractor;
import org.verso.ingest.IngestPaths;
import org.verso.ingest.IngestProperties;
import org.verso.ingest.internal.extract.ChildProcessExtractor;
import org.verso.library.Documents;
import org.verso.library.FileStore;

/**
 * The one ingest job, whatever way the files came in: {@code listFiles} (a folder's files become pending items, in one
 * transaction) then {@code ingestFiles} (chunks of pending items: store, read in a worker process, catalogue). The job
 * instance is identified by the batch id, so a crashed run is restarted, never started twice; the job repository lives
 * in the application's database.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {
    public static final String JOB_NAME = "ingestJob";
    public static final String BATCH_PARAMETER = "batch";

    @Bean
    IngestPaths ingestPaths(IngestProperties properties, Environment environment) {
        return IngestPaths.of(properties, Path.of(environment.getProperty("verso.data-dir", "./data")));
    }

    @Bean(destroyMethod = "close")
    ChildProcessExtractor extractor(IngestProperties properties, IngestPaths paths) {
        return new ChildProcessExtractor(properties, paths.workDir());
    }

    @Bean
    Job ingestJob(JobRepository repository, Step listFilesStep, Step ingestFilesStep, BatchLifecycle lifecycle) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(lifecycle)
                .start(listFilesStep)
                .next(ingestFilesStep)
                .build();
    }

    @Bean
    Step listFilesStep(JobRepository repository, PlatformTransactionManager transactions, ListFilesTasklet listFiles) {
        return new StepBuilder("listFiles", repository)
                .tasklet(listFiles, transactions)
                .allowStartIfComplete(false)
                .build();
    }

    @Bean
    Step ingestFilesStep(
            JobRepository repository,
            PlatformTransactionManager transactions,
            ReadAheadReader readAheadReader,
            CatalogueWriter catalogueWriter,
            IngestRows rows,
            IngestProperties properties) {
        SkipRecorder skips = new SkipRecorder(rows);
        return new StepBuilder("ingestFiles", repository)
                .<Processed, Processed>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(readAheadReader)
                .writer(catalogueWriter)
                .faultTolerant()
                .skipPolicy(skips)
                .skipListener(skips)
                .build();
    }

    @Bean
    @StepScope
    ListFilesTasklet listFiles(IngestRows rows, @Value("#{jobParameters['batch']}") String batch) {
        return new ListFilesTasklet(rows, UUID.fromString(batch));
    }

    /**
     * Pending items, stored and read by the workers ahead of the chunk that writes them: a chunk and the next
     * {@code 2 × workers} files are in hand at any time.
     */
    @Bean
    @StepScope
    ReadAheadReader readAheadReader(
            IngestRows rows,
            FileProcessor fileProcessor,
            ThreadPoolTaskExecutor ingestProcessingExecutor,
            IngestProperties properties,
            @Value("#{jobParameters['batch']}") String batch) {
        return new ReadAheadReader(
                new PendingItemReader(rows, UUID.fromString(batch)),
                fileProcessor,
                ingestProcessingExecutor,
                properties.chunkSize() + 2 * properties.workers());
    }

    @Bean
    FileProcessor fileProcessor(
            FileStore store,
            Documents documents,
            Extractor extractor,
            RunningFiles running,
            IngestProperties properties,
            IngestRows rows,
            PlatformTransactionManager transactions) {
        return new FileProcessor(
                store, documents, extractor, running, properties.maxFileSize().toBytes(), rows, transactions);
    }

    @Bean
    CatalogueWriter catalogueWriter(IngestRows rows, Documents documents, RunningFiles running) {
        return new CatalogueWriter(rows, documents, running);
    }

    /** Stores and reads files ahead of the writer, side by side, one per worker process. */
    @Bean
    ThreadPoolTaskExecutor ingestProcessingExecutor(IngestProperties properties) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.workers());
        executor.setMaxPoolSize(properties.workers());
        executor.setThreadNamePrefix("ingest-read-");
        executor.setDaemon(true);
        return executor;
    }
}
