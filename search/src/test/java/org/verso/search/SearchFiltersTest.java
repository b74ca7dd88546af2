package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {

    private static Set<String> languages(String... typed) {
        return new SearchFilters(Set.of(typed), Set.of(), Set.of(), Set.of(), Set.of()).languages();
    }

    @Test
    void anySpellingOfALanguageFiltersOnItsPrimarySubtag() {
        assertThat(languages("pt_BR", "ZH-hans", "ru")).containsExactly("pt", "ru", "zh");
        assertThat(languages("iw")).containsExactly("he");
        assertThat(languages("pt", "PT-br")).containsExactly("pt");
    }

    @Test
    void textThatIsNoLanguageStaysAndMatchesNothingElse() {
        assertThat(languages("not a language", " ")).containsExactly("not a language");
    }
}
