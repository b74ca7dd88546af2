package org.verso.web.translation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchProperties;
import org.verso.search.TranslationIndexing;
import org.verso.translation.Translations;

/** Search keeps the translations' target text in its index: its translation source is the translation module. */
@Configuration(proxyBeanMethods = false)
class TranslationSearchWiring {
    @Bean(destroyMethod = "close")
    TranslationIndexing translationIndexing(
            Translations translations, LibraryIndex index, SearchProperties properties) {
        return new TranslationIndexing(translations, index, properties.translationIndexWindow());
    }
}
