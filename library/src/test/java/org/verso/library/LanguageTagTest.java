package org.verso.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "en, en",
        "EN, en",
        "' ru ', ru",
        "zh-Hans, zh-Hans",
        "zh-hans, zh-Hans",
        "ZH_hans, zh-Hans",
        "ZH-HANS, zh-Hans",
        "zh-hant-tw, zh-Hant-TW",
        "pt-BR, pt-BR",
        "pt_br, pt-BR",
        "PT-br, pt-BR",
        "sr-latn, sr-Latn",
        "sr_LATN_rs, sr-Latn-RS",
        "es-419, es-419",
        "iw, he",
        "iw-IL, he-IL",
        "in, id",
        "ji, yi",
        "fil, fil",
        "und, und",
        "de-CH-1996, de-CH-1996"
    })
    void everySpellingOfALanguageBecomesOneCanonicalTag(String spelling, String canonical) {
        LanguageTag tag = LanguageTag.of(spelling);

        assertThat(tag.toString()).isEqualTo(canonical);
        assertThat(tag.value()).isEqualTo(canonical);
    }

    @Test
    void twoSpellingsOfOneLanguageAreEqual() {
        assertThat(LanguageTag.of("zh-hans")).isEqualTo(LanguageTag.of("ZH_Hans"));
        assertThat(LanguageTag.of("pt_br")).isEqualTo(new LanguageTag("pt-BR"));
        assertThat(LanguageTag.of("iw")).isEqualTo(LanguageTag.of("he"));
        assertThat(LanguageTag.of("zh-Hans")).isNotEqualTo(LanguageTag.of("zh-Hant"));
    }

    @Test
    void languageIsThePrimarySubtag() {
        assertThat(LanguageTag.of("zh-Hans").language()).isEqualTo("zh");
        assertThat(LanguageTag.of("pt_BR").language()).isEqualTo("pt");
        assertThat(LanguageTag.of("ru").language()).isEqualTo("ru");
        assertThat(LanguageTag.of("iw-IL").language()).isEqualTo("he");
    }

    @Test
    void blankOrMissingTextIsNoTagWhenOptional() {
        assertThat(LanguageTag.ofNullable(null)).isNull();
        assertThat(LanguageTag.ofNullable("  ")).isNull();
        assertThat(LanguageTag.canonicalOrNull("")).isNull();
        assertThat(LanguageTag.canonicalOrNull("EN_gb")).isEqualTo("en-GB");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "e",
                "english",
                "12",
                "en-",
                "-en",
                "en--us",
                "en US",
                "en-US-",
                "zh-Hans-",
                "x-private",
                "i-klingon",
                "en-a",
                "ру",
                "en;drop table",
                "en-abcdefghi",
                "en-US-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd"
            })
    void garbageIsRefusedNamingTheValue(String garbage) {
        assertThatThrownBy(() -> LanguageTag.of(garbage))
                .isInstanceOf(InvalidInputException.class)
                .isInstanceOf(LanguageTag.InvalidLanguageTag.class)
                .hasMessageContaining(garbage)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("invalid-language"));
    }

    @Test
    void nullIsRefusedWhereATagIsRequired() {
        assertThatThrownBy(() -> LanguageTag.of(null)).isInstanceOf(InvalidInputException.class);
    }
}
