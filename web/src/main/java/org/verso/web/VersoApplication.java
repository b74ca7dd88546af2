package org.verso.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Verso: one application serving the REST API and the UI of translators, coordinators and logistics staff. */
@SpringBootApplication(scanBasePackages = "org.verso")
@ConfigurationPropertiesScan("org.verso")
public class VersoApplication {

    public static void main(String[] args) {
        SpringApplication.run(VersoApplication.class, args);
    }
}
