package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.verso.web.testing.Browser;
import org.verso.web.testing.WebTest;

/**
 * Shipments in a real browser at phone size (390 × 844): a logistics user dispatches a shipment and issues its receipt
 * link; the recipient, without an account, opens the link in Russian and confirms 10 damaged copies; logistics see the
 * discrepancy.
 */
class ShipmentsBrowserTest extends WebTest {
    @RegisterExtension
    static Browser browser = new Browser();

    @BeforeEach
    void pointBrowser() {
        browser.at(port).size(390, 844);
    }

    @Test
    void logisticsDispatchAndTheRecipientConfirmsTenDamagedOnAPhone() {
        var given = new ShipmentsGiven(admin());
        var s = given.inStock(50);
        String shipment = given.shipment(s, 50);
        String name = given.logisticsUser("logistics", "en");

        browser.signIn(name, name + "-password");
        assertThat(browser.all(".nav a").stream().map(e -> e.getAttribute("data-nav")))
                .contains("nav.shipments");
        browser.open("/distribution/shipments/" + shipment);
        browser.click("#step-packed button");
        browser.waitFor("#step-dispatched button").click();
        browser.waitFor("#step-in_transit");
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("dispatched");
        browser.click("#issue-link");
        String link = browser.waitFor("#receipt-link-url").getAttribute("value");
        assertThat(browser.find("#receipt-link-qr").getAttribute("src")).startsWith("data:image/png;base64,");
        browser.click("#copy-link");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("copy-link"), "Copied"));
        browser.snapshot("shipment-dispatched-390px");
        browser.driver().manage().deleteAllCookies(); // signed out: the recipient has no account

        browser.driver().get(link + "?lang=ru");
        assertThat(browser.find("h1").getText()).isEqualTo("Подтверждение получения");
        browser.type("#accepted-1", "40");
        browser.type("#damaged-1", "10");
        browser.type("#missing-1", "0");
        browser.type("#note", "10 экземпляров намокли");
        assertThat(browser.driver().findElement(By.tagName("body")).getSize().getWidth())
                .isLessThanOrEqualTo(390);
        browser.snapshot("receipt-390px");
        browser.click("#receipt-submit");
        assertThat(browser.waitFor("#receipt-done").getText()).isEqualTo("Спасибо, получение записано.");
        browser.driver().get(link + "?lang=en");
        assertThat(browser.find("#receipt-done").getText())
                .isEqualTo("The receipt of this shipment was already recorded.");

        browser.signIn(name, name + "-password");
        browser.open("/distribution/shipments?discrepancies=true");
        browser.click("#shipments a[href$='" + shipment + "']");
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("partly delivered");
        assertThat(browser.find("#discrepancies").getText()).contains("10 экземпляров намокли");
        assertThat(browser.all("#history tbody tr")).hasSize(5);
    }
}
