package org.verso.web.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.verso.accounts.Accounts;
import org.verso.glossary.Glossary;
import org.verso.ingest.IngestJobs;
import org.verso.library.Documents;
import org.verso.translation.Translations;
import org.verso.web.VersoProperties;

/**
 * Fills a new demo directory with the demo library on its first start ({@code docs/demo.md}), before anything else
 * runs (the first admin is the demo's own), through the same services the controllers call; prints the demo users'
 * passwords once. Does nothing outside demo mode or once the library was seeded.
 */
@Component
class DemoLibrary implements ApplicationRunner, Ordered {
    private static final Logger log = LoggerFactory.getLogger(DemoLibrary.class);

    private final DemoProperties demo;
    private final VersoProperties verso;
    private final Accounts accounts;
    private final IngestJobs jobs;
    private final Documents documents;
    private final SegmentationWait segmentation;
    private final DemoSearch search;
    private final Translations translations;
    private final Glossary glossary;
    private final DemoDistribution.Services distribution;

    DemoLibrary(
            DemoProperties demo,
            VersoProperties verso,
            Accounts accounts,
            IngestJobs jobs,
            Documents documents,
            SegmentationWait segmentation,
            DemoSearch search,
            Translations translations,
            Glossary glossary,
            DemoDistribution.Services distribution) {
        this.demo = demo;
        this.verso = verso;
        this.accounts = accounts;
        this.jobs = jobs;
        this.documents = documents;
        this.segmentation = segmentation;
        this.search = search;
        this.translations = translations;
        this.glossary = glossary;
        this.distribution = distribution;
    }

    /** Before the accounts' first-admin bootstrap (order 0): the demo makes its own admin. */
    @Override
    public int getOrder() {
        return -1;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!demo.demo()) {
            return;
        }
        Path dir = verso.dataDir();
        if (DemoMarker.seeded(dir)) {
            log.info("Demo library in {} (seeded at its first start; delete the directory to start afresh)", dir);
            return;
        }
        if (!accounts.none()) {
            throw new IllegalStateException("The demo library in " + dir
                    + " was not seeded to its end at its first start; delete the directory and start again.");
        }
        log.info("Seeding the demo library in {}", dir);
        Map<String, String> passwords = new LinkedHashMap<>();
        DemoPeople people = DemoPeople.create(accounts, passwords);
        DemoCatalogue.Library library = new DemoCatalogue(
                        jobs, documents, segmentation, people.coordinator().username())
                .seed();
        DemoTranslations.Done done = new DemoTranslations(translations, people)
                .seed(glossary, library.charter(), library.kit(), library.manual());
        new DemoDistribution(distribution, people.logistics().id()).seed(done.charter());
        search.indexNow(library.all());
        DemoMarker.markSeeded(dir);
        StringBuilder users = new StringBuilder();
        passwords.forEach((user, password) -> users.append(String.format("%n    %-12s %s", user, password)));
        log.warn(
                "\n\n    Demo library ready in {}. Its users and their passwords, shown only this once:{}\n"
                        + "    Sign in at /login. To start the demo afresh, stop Verso and delete {}.\n",
                dir,
                users,
                dir);
    }
}
