package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.junit.jupiter.api.Test;
import org.verso.ingest.Corpus;

/** The incremental detector answers what Tika's OpenNLP detector answers, text for text. */
class LanguageDetectionTest {
    /** Texts made here: languages, scripts, lengths and the odd cases of the probing (no letters, one letter). */
    private static final List<String> MADE = List.of(
            "Everyone has the right to life, liberty and security of person. No one shall be held in slavery or"
                    + " servitude; slavery and the slave trade shall be prohibited in all their forms.",
            "Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность. Никто не должен"
                    + " содержаться в рабстве или в подневольном состоянии.",
            "Кожна людина має право на життя, на свободу і на особисту недоторканність.",
            "Toute personne a droit à la vie, à la liberté et à la sûreté de sa personne.",
            "Jeder hat das Recht auf Leben, Freiheit und Sicherheit der Person. Die Würde des Menschen.",
            "人人有权享有生命、自由和人身安全。任何人不得使为奴隶或奴役；一切形式的奴隶制度和奴隶买卖，均应予以禁止。",
            "すべての人は、生命、自由及び身体の安全に対する権利を有する。",
            "كل فرد له الحق في الحياة والحرية وسلامة شخصه.",
            "police training manual",
            "a",
            "12345 67890 — 2024-01-01",
            "see https://www.ohchr.org/en/universal-declaration-of-human-rights or write to info@ohchr.org",
            "Police and human rights. Полиция и права человека. La police et les droits de l'homme.",
            "   \n\n  x  ",
            "\uD83D\uDE00 \uD83D\uDE00 emoji only \uD83D\uDE00");

    @Test
    void answersAsTikasDetectorOnTextsMadeHere() {
        for (String text : MADE) {
            assertSameAsTika(text);
        }
    }

    @Test
    void answersAsTikasDetectorOnEveryUdhrTranslationOfTheCorpus() throws IOException {
        Path xml = Corpus.file("udhr/xml");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(xml)) {
            listed.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8)
                    .replaceAll("<[^>]*>", " ")
                    .replaceAll("\\s+", " ")
                    .strip();
            assertSameAsTika(text.length() > 1_500 ? text.substring(0, 1_500) : text); // what the reader samples
            assertSameAsTika(text.length() > 12_000 ? text.substring(0, 12_000) : text); // past Tika's 10,000
        }
    }

    private static void assertSameAsTika(String text) {
        OpenNLPDetector tika = new OpenNLPDetector();
        tika.addText(text.toCharArray(), 0, text.length());
        List<LanguageResult> expected = tika.detectAll();
        LanguageDetection.Scored[] actual = LanguageDetection.get().detect(text);
        assertThat(actual).as("languages for %s", abbreviated(text)).hasSize(expected.size());
        for (int i = 0; i < 3; i++) {
            assertThat(actual[i].language())
                    .as("language %d of %s", i, abbreviated(text))
                    .isEqualTo(expected.get(i).getLanguage());
            assertThat((float) actual[i].score())
                    .as("score %d of %s", i, abbreviated(text))
                    .isCloseTo(expected.get(i).getRawScore(), within(1e-6f));
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
