package org.verso.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.ConflictException;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.NotFoundException;
import org.verso.library.testing.TempDirs;
import org.verso.translation.QualityChecks;
import org.verso.translation.TermRule;

/** Terms kept per language pair, found in texts (inflected too), and the quality checks they feed. On H2. */
@SpringBootTest(classes = GlossaryTestApplication.class)
class GlossaryTest {
    static final LanguageTag EN = LanguageTag.of("en");
    static final LanguageTag RU = LanguageTag.of("ru");
    static final LanguageTag DE = LanguageTag.of("de");

    @Autowired
    Glossary glossary;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-glossary-").toString());
    }

    static TermDraft draft(String source, String target, String... forbidden) {
        return new TermDraft(EN, RU, source, target, "noun", null, List.of(forbidden));
    }

    @Test
    void aTermIsAddedChangedAndDeletedAndAPairHoldsATermOnce() {
        Term added = glossary.add(draft("Detention facility", "место лишения свободы", "тюрьма"));
        assertThat(added.forbidden()).containsExactly("тюрьма");
        assertThatThrownBy(() -> glossary.add(draft("detention  FACILITY", "Место лишения свободы")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("term-exists"));
        // the same source term into another language is another term
        glossary.add(new TermDraft(EN, DE, "detention facility", "Haftanstalt", null, null, List.of()));

        Term changed = glossary.update(
                added.id(),
                new TermDraft(
                        EN, RU, "detention facility", "место содержания под стражей", "noun", "UN usage", List.of()));
        assertThat(changed.targetTerm()).isEqualTo("место содержания под стражей");
        assertThat(changed.note()).isEqualTo("UN usage");
        assertThat(glossary.list(EN, RU, "содержания", 1, 50).items())
                .extracting(Term::id)
                .containsExactly(added.id());

        glossary.delete(added.id());
        assertThatThrownBy(() -> glossary.get(added.id()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("term-not-found"));
    }

    @Test
    void aDraftRefusesWhatIsNoTerm() {
        assertThatThrownBy(() -> draft("  ", "пытки")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TermDraft(EN, EN, "a", "b", null, null, List.of()))
                .hasMessageContaining("same");
        assertThatThrownBy(() -> draft("torture", "пытки", "Пытки")).hasMessageContaining("target term itself");
        assertThatThrownBy(() -> draft("x".repeat(501), "y")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void termsAreFoundInflectedWithTheirPlaceInTheTextLongestFirst() {
        glossary.add(draft("enforced disappearance", "насильственное исчезновение"));
        glossary.add(draft("disappearance", "исчезновение"));
        glossary.add(draft("right to life", "право на жизнь"));

        String text = "Enforced disappearances violate the right to life; a disappearance is never lawful.";
        List<FoundTerm> found = glossary.find(text, EN, RU);
        assertThat(found)
                .extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly("Enforced disappearances", "right to life", "disappearance");
        assertThat(found.get(0).terms()).extracting(Term::targetTerm).containsExactly("насильственное исчезновение");
        assertThat(glossary.find(text, EN, DE)).isEmpty();
    }

    @Test
    void theQualityChecksAskTheGlossaryForTheTermsOfASegment() {
        glossary.add(draft("torture", "пытки", "истязания"));
        List<TermRule> rules = glossary.termsIn("Freedom from torture.", EN, RU);
        assertThat(rules).containsExactly(new TermRule("torture", List.of("пытки"), List.of("истязания")));
        assertThat(QualityChecks.check("Freedom from torture.", "Свобода от пыток.", EN, RU, rules))
                .isEmpty();
        assertThat(QualityChecks.check("Freedom from torture.", "Свобода от истязаний.", EN, RU, rules))
                .extracting(i -> i.check())
                .containsExactly("term-missing");
        assertThat(QualityChecks.check("Freedom from torture.", "Свобода от пыток, т. е. истязания.", EN, RU, rules))
                .extracting(i -> i.check())
                .containsExactly("term-forbidden");
    }
}
