package org.verso.glossary;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The glossary alone on an H2 file database migrated by its own Flyway script. */
@EnableAutoConfiguration
@ComponentScan("org.verso.glossary")
class GlossaryTestApplication {}
