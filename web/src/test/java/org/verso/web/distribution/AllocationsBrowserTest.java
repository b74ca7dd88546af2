package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.verso.web.testing.Browser;
import org.verso.web.testing.WebTest;

/**
 * Allocations and requests in a real browser at phone size (390 × 844): a logistics user splits 2,000 kits equally over
 * the 18 branches of a university (112 to the first two listed, 111 to the others), plans them, dispatches them, and
 * the stock shows the 2,000 copies gone from the office and in transit; a branch's request, linked to its shipment by the plan,
 * shows planned and then fulfilled once the shipment is delivered.
 */
class AllocationsBrowserTest extends WebTest {
    private static final int WIDTH = 390;

    @RegisterExtension
    static Browser browser = new Browser();

    @BeforeEach
    void pointBrowser() {
        browser.at(port).size(WIDTH, 844);
    }

    void choose(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    void fitsThePhone() {
        assertThat(browser.driver().findElement(By.tagName("body")).getSize().getWidth())
                .isLessThanOrEqualTo(WIDTH);
    }

    void step(String shipment, String status) {
        var answer = admin().postJson("/api/shipments/" + shipment + "/status", Map.of("status", status));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    Map<String, Integer> stockOf(String edition) {
        browser.open("/distribution/stock?edition=" + edition);
        Map<String, Integer> held = new HashMap<>();
        for (WebElement row : browser.all("#balances tbody tr")) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            held.merge(cells.get(1).getText(), Integer.parseInt(cells.get(3).getText()), Integer::sum);
        }
        return held;
    }

    /** Waits for an element of the page to say {@code text} (a form's answer may still be on its way). */
    void untilText(String css, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                // the old page's element goes stale while the new page comes
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.all(css).stream().anyMatch(e -> text.equals(e.getText())));
    }

    @Test
    void twoThousandKitsAreSplitOverEighteenBranchesPlannedAndDispatchedAndARequestIsFulfilled() {
        var given = new ShipmentsGiven(admin());
        ShipmentsGiven.Setup s = given.inStock(2000);
        String university = given.create(
                "/api/recipients",
                Map.of("name", ShipmentsGiven.unique("Университет МВД"), "kind", "university", "language", "ru"));
        for (int i = 1; i <= 18; i++) {
            given.create(
                    "/api/recipients",
                    Map.of(
                            "name",
                            ShipmentsGiven.unique(String.format("Филиал %02d", i)),
                            "kind",
                            "branch",
                            "parent",
                            university,
                            "city",
                            "Город " + i,
                            "language",
                            "ru"));
        }
        String name = given.logisticsUser("logistics", "en");
        browser.signIn(name, name + "-password");

        // the allocation: from the dashboard, the university's 18 branches, 2,000 copies equally
        browser.open("/distribution/dashboard");
        browser.click("#dash-link-allocations");
        browser.click("#new-allocation");
        choose("#parent", university);
        browser.click("#parent-show");
        // the page comes back with the parent's children only
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> browser.all("#allocation-recipients input.choose").size() == 18);
        browser.click("#choose-all");
        choose("#allocation-edition", s.edition());
        choose("#allocation-location", s.office());
        browser.type("#allocation-copies", "2000");
        browser.type("#allocation-sender", "Университет МВД");
        assertThat(browser.find("#method-equal").isSelected()).isTrue();
        fitsThePhone();
        browser.snapshot("allocation-form-390px");
        browser.click("#allocation-submit");

        assertThat(browser.waitFor("#allocation-sum").getText()).isEqualTo("2,000 copies to 18 recipients (of 2,000)");
        assertThat(browser.find("#allocation-rule").getText()).contains("largest remainders");
        List<Integer> plan = browser.all("#plan input.share-input").stream()
                .map(i -> Integer.parseInt(i.getAttribute("value")))
                .toList();
        assertThat(plan).hasSize(18);
        assertThat(plan.subList(0, 2)).containsOnly(112);
        assertThat(plan.subList(2, 18)).containsOnly(111);
        assertThat(plan.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
        fitsThePhone();
        browser.snapshot("allocation-plan-390px");
        String allocationPage = browser.path();

        // a request of the last branch, opened on the requests page
        String lastBranch = admin().get(
                        "/api/allocations/" + allocationPage.substring(allocationPage.lastIndexOf('/') + 1))
                .json()
                .path("shares")
                .get(17)
                .path("recipient")
                .asString();
        browser.open("/distribution/requests");
        choose("#request-recipient", lastBranch);
        choose("#request-edition", s.edition());
        browser.type("#request-copies", "111");
        browser.type("#request-by", "the branch's head");
        fitsThePhone();
        browser.click("#request-submit");
        untilText("#request-status", "open");
        String requestPage = browser.path();

        // plan: 18 planned shipments, each linked from the plan
        browser.open(allocationPage);
        browser.click("#plan-submit");
        assertThat(browser.waitFor("#allocation-planned").getText()).contains("18 shipments planned");
        untilText("#allocation-status", "planned");
        List<String> shipments = browser.all("#plan a.share-shipment").stream()
                .map(a ->
                        a.getAttribute("href").substring(a.getAttribute("href").lastIndexOf('/') + 1))
                .toList();
        assertThat(shipments).hasSize(18).doesNotHaveDuplicates();

        // planning linked the open request to the last branch's shipment: planned, nothing left to link by hand
        browser.open(requestPage);
        untilText("#request-status", "planned");
        assertThat(browser.all("#request-shipments tbody tr")).hasSize(1);
        assertThat(browser.find("#request-shipments").getAttribute("innerHTML")).contains(shipments.get(17));

        // dispatch: the first through its page, the others through the API
        browser.open(allocationPage);
        browser.click("#plan a.share-shipment");
        browser.click("#step-packed button");
        browser.waitFor("#step-dispatched button").click();
        browser.waitFor("#step-in_transit");
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("dispatched");
        for (String shipment : shipments.subList(1, 18)) {
            step(shipment, "packed");
            step(shipment, "dispatched");
        }

        Map<String, Integer> held = stockOf(s.edition());
        assertThat(held.get("in transit")).isEqualTo(2000);
        assertThat(held.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
        assertThat(held.entrySet().stream()
                        .filter(e -> !e.getKey().equals("in transit"))
                        .mapToInt(Map.Entry::getValue)
                        .sum())
                .isZero();
        fitsThePhone();

        // delivered: the request is fulfilled
        step(shipments.get(17), "in_transit");
        step(shipments.get(17), "delivered");
        browser.open(requestPage);
        untilText("#request-status", "fulfilled");
        browser.open("/distribution/requests?status=fulfilled");
        assertThat(browser.all("#requests a[href$='" + requestPage.substring(requestPage.lastIndexOf('/') + 1) + "']"))
                .hasSize(1);
    }
}
