package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.JobProgress;
import org.verso.ingest.Upload;
import org.verso.library.testing.Environment;
import org.verso.web.testing.Browser;
import org.verso.web.testing.People;
import org.verso.web.testing.WebTest;

/** Following a job: counts that move file by file, and a job page that says each reason once, in the user's language. */
class IngestJobPageBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    IngestJobs jobs;

    @BeforeEach
    void pointBrowser() {
        browser.at(port);
    }

    /**
     * Twelve files in one chunk-sized job (a chunk is ten files, catalogued in one transaction): the job's progress,
     * as the page and the API read it, is polled while the job runs. Every file takes a worker process a measurable
     * while to read, so counts that move file by file are seen between 0 and 12; counts that move only when a chunk
     * is committed are seen as 0, 10 and 12 and nothing else.
     */
    @Test
    void theCountsOfAnUploadOfTwelveFilesAdvanceFileByFile() throws Exception {
        List<Upload> uploads = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            uploads.add(new Upload("progress-" + i + ".txt", new ByteArrayInputStream(longText(i))));
        }

        UUID id = jobs.upload(uploads, null, "progress-test").id();
        TreeSet<Integer> seen = new TreeSet<>();
        TreeSet<Integer> percents = new TreeSet<>();
        JobProgress progress;
        do {
            progress = jobs.progress(id);
            seen.add(progress.done());
            percents.add(progress.percent());
            Thread.sleep(10); // a page polls too; this only leaves the database some room
        } while (!progress.finished());

        assertThat(progress.done()).isEqualTo(12);
        assertThat(seen.subSet(1, 10))
                .as("counts seen while the first chunk of ten was being read: %s", seen)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(percents.subSet(1, 80))
                .as("the bar, in percent: %s", percents)
                .isNotEmpty();
    }

    /** Some 300 kB of text of its own: reading and detecting its language takes a worker a measurable while. */
    private static byte[] longText(int n) {
        StringBuilder text = new StringBuilder("Training manual part " + n + " " + UUID.randomUUID() + "\n");
        String[] words = {"police", "rights", "detention", "training", "manual", "prison", "charter", "court"};
        var random = new java.util.Random(n);
        while (text.length() < 300_000) {
            text.append(words[random.nextInt(words.length)])
                    .append(random.nextInt(1000))
                    .append(' ');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJobPageSaysEachReasonOnceInRussianAndOffersRetryOnlyWhereItCanHelp() throws Exception {
        Path corpus = corpus();
        JobProgress job = People.finished(
                jobs,
                jobs.upload(
                                List.of(
                                        new Upload(
                                                "locked.docx",
                                                open(corpus.resolve("broken/encrypted/docx-password-pass.docx"))),
                                        new Upload("empty.txt", new ByteArrayInputStream(new byte[0]))),
                                null,
                                "reasons-test")
                        .id());
        assertThat(job.failed()).isEqualTo(2);
        browser.signIn(People.account(admin(), "day1-olga", "COORDINATOR", "ru"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/ingest/jobs/" + job.id());

        WebElement locked = row("locked.docx");
        assertThat(locked.getText())
                .contains("Файл зашифрован или защищён паролем.")
                .doesNotContain("encrypted", "password-protected");
        assertThat(locked.findElements(org.openqa.selenium.By.cssSelector(".reason")))
                .hasSize(1);
        assertThat(locked.findElements(org.openqa.selenium.By.cssSelector("button.retry")))
                .as("a retry cannot open an encrypted file")
                .isEmpty();
        WebElement empty = row("empty.txt");
        assertThat(empty.getText()).contains("Файл пуст (0 байт).").doesNotContain("empty (0 bytes)");
        assertThat(empty.findElements(org.openqa.selenium.By.cssSelector("button.retry")))
                .isEmpty();
        assertThat(browser.find("#bytes-done").getText()).matches("\\d+ КБ из \\d+ КБ");
        browser.snapshot("job-page-ru");

        // sizes are written the same way on every page of one language
        JobProgress text = People.ingest(jobs, java.util.Map.of("sizes.txt", "x".repeat(3000)));
        browser.open("/documents/" + text.items().get(0).documentId());
        assertThat(browser.find("#files tbody td:nth-child(4)").getText()).isEqualTo("3 КБ");
    }

    @Test
    void anEnglishJobPageSaysTheReasonOnce() throws Exception {
        JobProgress job = People.finished(
                jobs,
                jobs.upload(
                                List.of(new Upload(
                                        "locked-again.docx",
                                        open(corpus().resolve("broken/encrypted/docx-password-tika.docx")))),
                                null,
                                "reasons-test")
                        .id());
        browser.signIn(People.account(admin(), "day1-coordinator", "COORDINATOR", "en"), People.PASSWORD);
        browser.waitFor("#logout");

        browser.open("/ingest/jobs/" + job.id());

        String text = row("locked-again.docx").getText();
        assertThat(text.split("encrypted", -1)).as(text).hasSize(2);
    }

    private WebElement row(String fileName) {
        browser.waitFor("#items");
        return browser.all("#items tbody tr").stream()
                .filter(r -> r.getText().contains(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + fileName));
    }

    private static InputStream open(Path file) throws java.io.IOException {
        return Files.newInputStream(file);
    }

    private static Path corpus() {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        Path dir = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus"))
                .toAbsolutePath()
                .normalize();
        Environment.require(Files.isDirectory(dir), "The test corpus at " + dir);
        return dir;
    }
}
