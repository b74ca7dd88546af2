package org.verso.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

@SpringBootTest(classes = IngestTestApplication.class, properties = "verso.ingest.inbox-stable-for=0s")
class InboxWatcherTest {
    static final Path DATA = TempDirs.create("verso-inbox-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA::toString);
    }

    @Autowired
    InboxWatcher watcher;

    @Autowired
    IngestJobs jobs;

    @Test
    void takesSettledFilesFromNestedFoldersAndSortsThemIntoProcessedAndFailed() throws Exception {
        Path inbox = DATA.resolve("inbox");
        Files.createDirectories(inbox.resolve("kit/part"));
        Files.writeString(inbox.resolve("kit/part/charter.txt"), "The Rotterdam Charter. " + UUID.randomUUID());
        Files.write(inbox.resolve("empty.pdf"), new byte[0]);

        assertThat(watcher.poll()).as("first look: nothing has settled yet").isNull();
        UUID job = watcher.poll();

        assertThat(job).isNotNull();
        JobProgress done = await(job);
        assertThat(done.source()).isEqualTo(BatchSource.INBOX);
        assertThat(done.ingested()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(inbox.resolve("processed/kit/part/charter.txt")).exists();
        assertThat(inbox.resolve("failed/empty.pdf")).exists();
        assertThat(Files.readString(inbox.resolve("failed/empty.pdf.reason.txt")))
                .contains("empty");
        assertThat(inbox.resolve("kit/part/charter.txt")).doesNotExist();
        assertThat(watcher.poll())
                .as("processed/ and failed/ are not taken again")
                .isNull();
        assertThat(watcher.poll()).isNull();
    }

    @Test
    void aFileStillGrowingIsNotTaken() throws Exception {
        Path inbox = DATA.resolve("inbox");
        Files.createDirectories(inbox);
        Path growing = inbox.resolve("growing.txt");
        Files.writeString(growing, "part one");
        watcher.poll();
        Files.writeString(growing, "part one, part two");

        watcher.poll();

        assertThat(growing).exists();
        UUID job = watcher.poll();
        assertThat(job).isNotNull();
        await(job);
        assertThat(growing).doesNotExist();
    }

    private JobProgress await(UUID id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JobProgress p = jobs.progress(id);
            if (p.finished()) {
                Thread.sleep(200); // the inbox sorts files right after the job
                return jobs.progress(id);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish: " + jobs.progress(id));
    }
}
