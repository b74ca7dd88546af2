package org.verso.search;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.verso.library.Documents;

/** Wires search: the index under the data directory, the catalogue as its source, the listener that keeps it fresh. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    LibraryIndex libraryIndex(SearchProperties properties, Environment environment) {
        return new LibraryIndex(properties.withIndexDir(indexDir(properties, environment)));
    }

    private static Path indexDir(SearchProperties properties, Environment environment) {
        Path dir = properties.indexDir();
        return dir != null
                ? dir
                : Path.of(environment.getProperty("verso.data-dir", "./data")).resolve("index");
    }

    @Bean(destroyMethod = "close")
    Concordance concordance(SearchProperties properties, Environment environment) {
        return new Concordance(properties.withIndexDir(indexDir(properties, environment)));
    }

    @Bean
    SearchSource catalogueSource(Documents documents) {
        return new CatalogueSource(documents);
    }

    @Bean
    SearchMaintenance searchMaintenance(
            LibraryIndex index, SearchSource source, ObjectProvider<TranslationSource> translations) {
        return new SearchMaintenance(index, source, translations.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    CatalogueListener catalogueListener(
            LibraryIndex index, SearchSource source, SearchMaintenance maintenance, SearchProperties properties) {
        return new CatalogueListener(index, source, maintenance, properties.checkOnStartup());
    }
}
