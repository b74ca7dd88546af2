package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.web.testing.Browser;

/** The translation work pages as people reach them: navigation by role, the document page's link, phones, Russian. */
class WorkPagesBrowserTest extends SegmentsTestBase {
    static final String PASSWORD = "work-pages-password-1";

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Accounts accounts;

    @BeforeEach
    void pointBrowser() {
        browser.at(port);
        browser.size(1280, 900);
        account("pages-coordinator", "Cora Pages", Role.COORDINATOR, "en");
        account("pages-translator", "Tom Pages", Role.TRANSLATOR, "en");
        account("pages-logistics", "Lou Pages", Role.LOGISTICS, "en");
        account("pages-koordinator", "Kira Pages", Role.COORDINATOR, "ru");
    }

    void account(String username, String name, Role role, String ui) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(
                    new CreateAccount(username, name, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), ui));
        }
    }

    private List<String> navigation() {
        browser.waitFor(".nav");
        return browser.all(".nav a").stream().map(WebElement::getText).toList();
    }

    @Test
    void translatorsAndCoordinatorsFindTheWorkInTheNavigationLogisticsDoesNot() {
        browser.signIn("pages-translator", PASSWORD);
        assertThat(navigation()).contains("Translations", "Coverage");
        browser.click("a[data-nav='nav.translations']");
        assertThat(browser.find("h1").getText()).isEqualTo("Translations");
        assertThat(browser.find("#available h2").getText()).contains("Available work");
        assertThat(browser.all("#open-form")).isEmpty();

        browser.signIn("pages-logistics", PASSWORD);
        assertThat(navigation()).doesNotContain("Translations", "Coverage");
    }

    @Test
    void theDocumentPageOffersACoordinatorToTranslateItWithTheDocumentChosen() {
        var ingested = ingest(
                docx("Pages test paragraph."),
                "pages-translate.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Pages test paragraph.");
        browser.signIn("pages-coordinator", PASSWORD);
        browser.open("/documents/" + ingested.documentId().value());
        browser.click("#translate-document");
        assertThat(browser.path()).isEqualTo("/translations");
        WebElement chosen = browser.find("#open-document option:checked");
        assertThat(chosen.getText()).isEqualTo("pages-translate.docx");
    }

    @Test
    void theWorkPagesFitAPhoneAndSpeakRussian() {
        browser.signIn("pages-koordinator", PASSWORD);
        browser.open("/translations");
        assertThat(browser.find("h1").getText()).isEqualTo("Переводы");
        assertThat(browser.find("#open-translations h2").getText()).isEqualTo("Открыть переводы документа");
        for (String path :
                List.of("/translations", "/coverage", "/translations/00000000-0000-0000-0000-000000000009/edit")) {
            browser.signIn("pages-koordinator", PASSWORD);
            browser.size(390, 844);
            browser.open(path);
            browser.waitFor("main h1");
            Number scroll = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(scroll.intValue()).as("sideways scroll of %s", path).isLessThanOrEqualTo(0);
            browser.size(1280, 900);
        }
    }
}
