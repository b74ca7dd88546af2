package org.verso.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Verso: one application serving the REST API and the UI of translators, coordinators and logistics staff. */
@SpringBootApplication(scanBasePackages = "org.verso")
@ConfigurationPropertiesScan("org.verso")
public class VersoApplication {

    public static void main(String[] args) {
        if (org.verso.web.ingest.IngestCommand.handles(args)) { // java -jar verso.jar ingest <folder> …
            System.exit(org.verso.web.ingest.IngestCommand.run(VersoApplication.class, args, System.out));
        }
        SpringApplication.run(VersoApplication.class, args);
    }
}
