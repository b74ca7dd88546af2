package org.verso.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Verso: one application serving the REST API and the UI of translators, coordinators and logistics staff. */
@SpringBootApplication(
        scanBasePackages = {
            VersoApplication.LIBRARY,
            VersoApplication.ACCOUNTS,
            VersoApplication.INGEST,
            VersoApplication.TRANSLATION,
            VersoApplication.SEARCH,
            VersoApplication.DISTRIBUTION,
            VersoApplication.GLOSSARY,
            VersoApplication.MEMORY,
            VersoApplication.WEB
        })
@ConfigurationPropertiesScan({
    VersoApplication.LIBRARY,
    VersoApplication.ACCOUNTS,
    VersoApplication.INGEST,
    VersoApplication.TRANSLATION,
    VersoApplication.SEARCH,
    VersoApplication.DISTRIBUTION,
    VersoApplication.GLOSSARY,
    VersoApplication.MEMORY,
    VersoApplication.WEB
})
public class VersoApplication {

    // The modules, named one by one: a benchmark or tool on the class path (org.verso.bench) never adds beans.
    static final String LIBRARY = "org.verso.library";
    static final String ACCOUNTS = "org.verso.accounts";
    static final String INGEST = "org.verso.ingest";
    static final String TRANSLATION = "org.verso.translation";
    static final String SEARCH = "org.verso.search";
    static final String DISTRIBUTION = "org.verso.distribution";
    static final String GLOSSARY = "org.verso.glossary";

    static final String MEMORY = "org.verso.memory";
    static final String WEB = "org.verso.web";

    public static void main(String[] args) {
        if (org.verso.web.ingest.IngestCommand.handles(args)) { // java -jar verso.jar ingest <folder> …
            System.exit(org.verso.web.ingest.IngestCommand.run(VersoApplication.class, args, System.out));
        }
        SpringApplication.run(VersoApplication.class, args);
    }
}
