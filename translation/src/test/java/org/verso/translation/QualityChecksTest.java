package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verso.library.LanguageTag;

/** Each quality check on its own, with the cases that trip naive checks: Cyrillic, «ёлочки», decimal commas, codes. */
class QualityChecksTest {
    static final LanguageTag EN = LanguageTag.of("en");
    static final LanguageTag RU = LanguageTag.of("ru");
    static final LanguageTag DE = LanguageTag.of("de");

    static List<QualityIssue> check(String source, String target) {
        return check(source, target, List.of());
    }

    static List<QualityIssue> check(String source, String target, List<TermRule> terms) {
        return QualityChecks.check(source, target, EN, RU, terms);
    }

    static List<String> codes(List<QualityIssue> issues) {
        return issues.stream().map(QualityIssue::check).toList();
    }

    static QualityIssue only(List<QualityIssue> issues, String check) {
        return issues.stream().filter(i -> i.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void aGoodRussianTranslationHasNoIssues() {
        assertThat(check(
                        "Everyone has the right to life, liberty and security of person.",
                        "Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность."))
                .isEmpty();
        assertThat(check(
                        "The police must respect <g id=\"1\">human dignity</g> (Art. 5).",
                        "Полиция обязана уважать <g id=\"1\">человеческое достоинство</g> (ст. 5)."))
                .isEmpty();
    }

    @Test
    void anEmptyTargetIsAnErrorAndNothingElseIsSaidAboutIt() {
        List<QualityIssue> issues = check("Article 5.", "  <x id=\"1\"/> ");
        assertThat(codes(issues)).containsExactly("target-empty");
        assertThat(issues.get(0).severity()).isEqualTo(IssueSeverity.ERROR);
    }

    @Test
    void missingAndExtraCodesAreErrorsNamedAsTheEditorNumbersThem() {
        List<QualityIssue> issues = check(
                "Press <g id=\"1\">Save</g> and <x id=\"2\"/> wait.",
                "Нажмите «Сохранить» и <x id=\"2\"/><x id=\"2\"/> ждите.");
        assertThat(only(issues, "codes-missing").details()).containsExactly("⟨1…1⟩");
        assertThat(only(issues, "codes-extra").details()).containsExactly("⟨2/⟩");
        assertThat(only(issues, "codes-missing").severity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(check("Text.", "Текст <x id=\"7\"/>.").stream().map(QualityIssue::details))
                .containsExactly(List.of("⟨7/⟩"));
    }

    @Test
    void codesMayMoveWithWordOrderButNestingAndSpanningHalvesMayNot() {
        // word order: the two pairs swap places, which Russian needs; not an issue
        assertThat(check(
                        "The <g id=\"1\">red</g> <g id=\"2\">house</g>.",
                        "<g id=\"2\">Дом</g> <g id=\"1\">красный</g>."))
                .isEmpty();
        // bold inside the link came out of it
        List<QualityIssue> nesting = check(
                "See <g id=\"1\">the <g id=\"2\">law</g></g>.", "См. <g id=\"1\">закон</g> <g id=\"2\">здесь</g>.");
        assertThat(only(nesting, "codes-reordered").details()).containsExactly("⟨2…2⟩");
        // the halves of pairs spanning segments: the closing one of the previous segment must stay before the opening
        List<QualityIssue> halves =
                check("end<ex id=\"1\"/> and <bx id=\"2\"/>start", "<bx id=\"2\"/>начало и конец<ex id=\"1\"/>");
        assertThat(codes(halves)).contains("codes-reordered");
        assertThat(only(halves, "codes-reordered").severity()).isEqualTo(IssueSeverity.ERROR);
    }

    @Test
    void numbersAreReadWithEachLanguagesDecimalSeparator() {
        assertThat(check("It rose by 1.5 percent.", "Он вырос на 1,5 процента."))
                .isEmpty();
        assertThat(check("1,500 people signed.", "Подписали 1 500 человек.")).isEmpty();
        assertThat(check("1,500 people signed.", "Подписали 1\u00a0500 человек."))
                .isEmpty();
        // in Russian 1,500 is one and a half: a real mistake
        List<QualityIssue> wrong = check("1,500 people signed.", "Подписали 1,500 человек.");
        assertThat(only(wrong, "numbers-differ").details()).containsExactly("+1.5", "-1500");
        assertThat(only(wrong, "numbers-differ").severity()).isEqualTo(IssueSeverity.ERROR);
        // a list, not one number
        assertThat(check("Articles 5, 6 and 7 apply.", "Применяются статьи 5, 6 и 7."))
                .isEmpty();
        assertThat(check("Articles 5,6 apply.", "Применяются статьи 5 и 6.")).isEmpty();
        // a number left out, a number changed
        assertThat(only(check("See Articles 3 and 14.", "См. статьи 3 и 15."), "numbers-differ")
                        .details())
                .containsExactly("-14", "+15");
        // German writes the decimal comma and the dot groups
        assertThat(QualityChecks.check("2.5 kg and 3,000 copies", "2,5 kg und 3.000 Exemplare", EN, DE, List.of()))
                .isEmpty();
        // digits of other scripts are digits
        assertThat(QualityChecks.check("Article 3.", "المادة ٣.", EN, LanguageTag.of("ar"), List.of()))
                .isEmpty();
    }

    @Test
    void aTargetIdenticalToItsSourceIsAWarningUnlessTheSourceHasNoWords() {
        QualityIssue same = only(check("Amnesty International", "Amnesty International"), "same-as-source");
        assertThat(same.severity()).isEqualTo(IssueSeverity.WARNING);
        assertThat(check("2026-12-07", "2026-12-07")).isEmpty();
    }

    @Test
    void whitespaceAtTheEdgesAndDoubleSpacesAreWarnings() {
        assertThat(codes(check(" Article 5.", "Статья 5."))).containsExactly("whitespace-edges");
        assertThat(codes(check("Article 5. ", "Статья 5."))).containsExactly("whitespace-edges");
        assertThat(codes(check("Article 5.", "Статья  5."))).containsExactly("double-space");
        // a code between two spaces is not a double space
        assertThat(check("Read <x id=\"1\"/> this.", "Прочтите <x id=\"1\"/> это."))
                .isEmpty();
        // the source has one itself: nothing new
        assertThat(check("Article  5.", "Статья  5.")).isEmpty();
    }

    @Test
    void endPunctuationIsComparedByMeaningAcrossQuotesAndScripts() {
        assertThat(check("He said \"yes.\"", "Он сказал «да».")).isEmpty();
        assertThat(check("Wait...", "Подождите…")).isEmpty();
        assertThat(QualityChecks.check("Really?", "真的吗？", EN, LanguageTag.of("zh"), List.of()))
                .isEmpty();
        QualityIssue differs = only(check("Is it lawful?", "Это законно."), "end-punctuation");
        assertThat(differs.details()).containsExactly("?", ".");
        assertThat(codes(check("Title", "Заголовок."))).containsExactly("end-punctuation");
    }

    @Test
    void bracketsAndQuotesMustBalanceAsInTheSource() {
        assertThat(check("The \"Convention\" (1950).", "«Конвенция» (1950).")).isEmpty();
        assertThat(check("The „inner“ quote.", "«Внутренняя „цитата“».")).isEmpty();
        assertThat(only(check("The \"Convention\" (1950).", "«Конвенция (1950)."), "unbalanced")
                        .details())
                .containsExactly("«»");
        assertThat(only(check("The Convention (1950).", "Конвенция (1950."), "unbalanced")
                        .details())
                .containsExactly("()");
        // the source opens a bracket the next segment closes: so may the target
        assertThat(check("(a) the right", "(а) право")).isEmpty();
        assertThat(check("see (Article 5", "см. (статья 5")).isEmpty();
    }

    @Test
    void glossaryTermsMustBeUsedInflectedOrNotAndForbiddenVariantsNot() {
        TermRule torture = new TermRule("torture", List.of("пытки"), List.of("истязание"));
        assertThat(check("Torture is prohibited.", "Пытки запрещены.", List.of(torture)))
                .isEmpty();
        // the genitive plural: пыток
        assertThat(check("Freedom from torture.", "Свобода от пыток.", List.of(torture)))
                .isEmpty();
        List<QualityIssue> forbidden = check("Torture is prohibited.", "Истязание запрещено.", List.of(torture));
        assertThat(codes(forbidden)).containsExactly("term-missing", "term-forbidden");
        assertThat(only(forbidden, "term-missing").details()).containsExactly("torture", "пытки");
        assertThat(only(forbidden, "term-forbidden").details()).containsExactly("истязание", "torture");
        assertThat(only(forbidden, "term-forbidden").severity()).isEqualTo(IssueSeverity.WARNING);
        // ё and е are one letter for the check
        TermRule hedgehog = new TermRule("hedgehog", List.of("ёж"), List.of());
        assertThat(check("A hedgehog.", "Еж.", List.of(hedgehog))).isEmpty();
    }

    @Test
    void termMatchingToleratesInflectionButNotShortWordsPrefixes() {
        assertThat(TermMatch.occursIn("the rights of the child", "right")).isTrue();
        assertThat(TermMatch.occursIn("Права человека", "право человека")).isTrue();
        assertThat(TermMatch.occursIn("a partisan", "art")).isFalse();
        assertThat(TermMatch.occursIn("human dignity", "dignity human")).isFalse();
    }
}
