package org.verso.web.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.verso.accounts.Accounts;
import org.verso.glossary.Glossary;
import org.verso.ingest.IngestJobs;
import org.verso.library.DocumentId;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.translation.Translations;
import org.verso.web.VersoProperties;
import org.verso.web.demo.DemoCatalogue.Entry;
import org.verso.web.demo.DemoCatalogue.File;

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
            Translations translations,
            Glossary glossary,
            DemoDistribution.Services distribution) {
        this.demo = demo;
        this.verso = verso;
        this.accounts = accounts;
        this.jobs = jobs;
        this.documents = documents;
        this.segmentation = segmentation;
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
        DemoCatalogue catalogue = new DemoCatalogue(
                jobs, documents, segmentation, people.coordinator().username());
        DocumentId kit = catalogue.add(
                new Entry(
                        "Police training kit on human rights",
                        DocumentKind.KIT,
                        "Council of Europe",
                        "en",
                        2026,
                        Set.of("police", "training", "kit")),
                List.of(
                        new File("kit-1-arrest.txt", "brochure-1-arrest.docx", DemoFiles.DOCX),
                        new File("kit-2-force.txt", "brochure-2-use-of-force.odt", DemoFiles.ODT),
                        new File("kit-3-interviews.txt", "brochure-3-interviews.docx", DemoFiles.DOCX),
                        new File("kit-4-detention.txt", "brochure-4-detention.odt", DemoFiles.ODT)));
        DocumentId charter = catalogue.add(
                new Entry(
                        "Charter of the Rights of Persons in Police Custody",
                        DocumentKind.CHARTER,
                        "Council of Europe",
                        "en",
                        2025,
                        Set.of("police", "custody")),
                List.of(new File("charter.txt", "charter-police-custody.docx", DemoFiles.DOCX)));
        catalogue.add(
                new Entry(
                        "Convention on the Prevention of Ill-Treatment in Places of Detention",
                        DocumentKind.CONVENTION,
                        "Council of Europe",
                        "en",
                        1987,
                        Set.of("detention", "monitoring")),
                List.of(new File("convention.txt", "convention-ill-treatment.odt", DemoFiles.ODT)));
        DocumentId manual = catalogue.add(
                new Entry(
                        "Manual for Trainers of Human Rights Courses for the Police",
                        DocumentKind.MANUAL,
                        "Verso demo programme",
                        "en",
                        2026,
                        Set.of("training")),
                List.of(new File("manual.txt", "trainers-manual.docx", DemoFiles.DOCX)));
        catalogue.add(
                new Entry(
                        "Памятка задержанному",
                        DocumentKind.OTHER,
                        "Общественная наблюдательная комиссия",
                        "ru",
                        2024,
                        Set.of("custody")),
                List.of(new File("memo-ru.txt", "pamyatka-zaderzhannomu.docx", DemoFiles.DOCX)));
        DemoTranslations.Done done = new DemoTranslations(translations, people).seed(glossary, charter, kit, manual);
        new DemoDistribution(distribution, people.logistics().id()).seed(done.charter());
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
