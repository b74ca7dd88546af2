package org.verso.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.verso.web.testing.Browser;
import org.verso.web.testing.WebTest;

/** The web shell in a real browser: sign in, navigation by role, Russian, refusal, sign out, and the admin's page. */
class ShellBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    @BeforeEach
    void pointBrowser() {
        browser.at(port);
    }

    private List<String> navigation() {
        browser.waitFor(".nav");
        return browser.all(".nav a").stream().map(WebElement::getText).toList();
    }

    @Test
    void adminCreatesATranslatorWhoThenSignsInAndSeesOnlyTheirNavigation() {
        browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(navigation()).contains("Home", "Users");

        browser.click("a[data-nav='nav.users']");
        browser.snapshot("admin-users");
        browser.type("#create-user input[name=username]", "browser-tanya");
        browser.type("#create-user input[name=displayName]", "Tanya Browser");
        browser.type("#create-user input[name=password]", "tanya-password-1");
        browser.type("#create-user input[name=languages]", "ru, uk");
        browser.click("#create-user button[type=submit]");
        assertThat(browser.find("#done").getText()).contains("browser-tanya");
        assertThat(browser.find("tr[data-user='browser-tanya']").getText()).contains("Tanya Browser");
        browser.signOut();

        browser.signIn("browser-tanya", "tanya-password-1");
        // the admin's form proposes Russian as her interface language, the first language of most users
        assertThat(browser.find("h1").getText()).isEqualTo("Здравствуйте, Tanya Browser");
        assertThat(browser.find("#my-roles").getText()).contains("Переводчик");
        assertThat(navigation()).contains("Главная").doesNotContain("Пользователи", "Users");
    }

    @Test
    void aTranslatorIsRefusedTheAdminPage() {
        admin().postJson(
                        "/api/admin/users",
                        java.util.Map.of(
                                "username",
                                "browser-refused",
                                "password",
                                "refused-password-1",
                                "roles",
                                List.of("TRANSLATOR")));
        browser.signIn("browser-refused", "refused-password-1");

        browser.open("/admin/users");

        assertThat(browser.find("#forbidden").getText()).isEqualTo("Not for your role");
        assertThat(browser.all("#users")).isEmpty();
    }

    @Test
    void theInterfaceSwitchesToRussianAndRemembersItAtTheNextSignIn() {
        admin().postJson(
                        "/api/admin/users",
                        java.util.Map.of(
                                "username",
                                "browser-ivan",
                                "password",
                                "ivan-password-12",
                                "roles",
                                List.of("COORDINATOR"),
                                "uiLanguage",
                                "en"));
        browser.signIn("browser-ivan", "ivan-password-12");
        assertThat(navigation()).contains("Home");

        browser.click("#lang-ru");

        assertThat(navigation()).contains("Главная");
        assertThat(browser.find("#my-roles").getText()).contains("Координатор");
        browser.snapshot("home-ru");
        browser.signOut();
        browser.signIn("browser-ivan", "ivan-password-12");
        assertThat(navigation()).contains("Главная");
        assertThat(browser.find("#logout").getText()).isEqualTo("Выйти");
    }

    @Test
    void theAdminDisablesAnAccountInPlaceAndItCanNoLongerSignIn() {
        admin().postJson(
                        "/api/admin/users",
                        java.util.Map.of(
                                "username",
                                "browser-leaving",
                                "password",
                                "leaving-password-1",
                                "roles",
                                List.of("LOGISTICS")));
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.open("/admin/users");
        var marker = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return window.versoMarker = 42;");

        browser.click("tr[data-user='browser-leaving'] .enable-toggle button");

        browser.waitFor("tr[data-user='browser-leaving'].disabled");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("return window.versoMarker;"))
                .as("the row was swapped in place, without reloading the page")
                .isEqualTo(marker);
        browser.signOut();
        browser.signIn("browser-leaving", "leaving-password-1");
        assertThat(browser.find("#login-disabled").getText()).contains("disabled");
    }

    @Test
    void onAPhoneTheNavigationFoldsIntoAMenu() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("#logout");
        try {
            browser.size(390, 844).open("/");
            assertThat(browser.all(".nav").get(0).isDisplayed()).isFalse();

            browser.click(".menu-button");

            assertThat(browser.find(".nav a[data-nav='nav.users']").isDisplayed())
                    .isTrue();
            browser.snapshot("home-phone-menu");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    void theApiIsDocumentedInSwaggerUi() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("#logout");

        browser.open("/swagger-ui.html");

        assertThat(browser.find(".opblock-summary-path[data-path='/api/me']").getText())
                .isEqualTo("/api/me");
        browser.snapshot("swagger-ui");
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("#logout");

        browser.signOut();
        browser.open("/admin/users");

        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        browser.signIn("admin", "not-the-password");

        assertThat(browser.find("#login-error").getText()).isEqualTo("Wrong user name or password.");
        assertThat(browser.path()).isEqualTo("/login");
    }
}
