package org.verso.library;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the file store under the configured directory. */
@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

    @Bean
    FileStore fileStore(LibraryProperties properties, Environment environment) {
        Path dir = properties.storeDir();
        if (dir == null) {
            String dataDir = environment.getProperty("verso.data-dir", "./data");
            dir = Path.of(dataDir).resolve("files");
        }
        return new FileStore(dir);
    }
}
