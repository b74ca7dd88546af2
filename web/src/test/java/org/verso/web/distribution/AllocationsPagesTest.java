package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.verso.web.testing.WebTest;

/** The request and allocation pages, as an admin posts their forms: the plan, and bad input that changes nothing. */
@AutoConfigureMockMvc
class AllocationsPagesTest extends WebTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    /** A page's answer and the flash attributes of its redirect. */
    record Answer(MockHttpServletResponse response, FlashMap flash) {
        int getStatus() {
            return response.getStatus();
        }

        String getContentAsString() throws Exception {
            return response.getContentAsString();
        }

        String getRedirectedUrl() {
            return response.getRedirectedUrl();
        }

        FlashMap getFlashMap() {
            return flash;
        }
    }

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.accept(MediaType.TEXT_HTML)
                        .with(user(accounts.loadUserByUsername("admin")))
                        .with(csrf()))
                .andReturn();
        return new Answer(result.getResponse(), result.getFlashMap());
    }

    Answer form(String path, Map<String, List<String>> fields) throws Exception {
        var request = post(path);
        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        return send(request);
    }

    long total(String api) {
        return admin().get(api).json().path("total").asLong();
    }

    record Branches(ShipmentsGiven.Setup stock, List<String> ids) {}

    Branches threeBranches(int copies) {
        var given = new ShipmentsGiven(admin());
        var s = given.inStock(copies);
        List<String> ids = new ArrayList<>();
        for (String city : List.of("Omsk", "Tomsk", "Perm")) {
            ids.add(given.create(
                    "/api/recipients",
                    Map.of(
                            "name",
                            ShipmentsGiven.unique(city + " branch"),
                            "kind",
                            "branch",
                            "parent",
                            s.recipient(),
                            "city",
                            city,
                            "language",
                            "ru")));
        }
        return new Branches(s, ids);
    }

    Map<String, List<String>> allocation(Branches b, int copies, String method, List<String> recipients) {
        return new java.util.HashMap<>(Map.of(
                "edition", List.of(b.stock().edition()),
                "location", List.of(b.stock().office()),
                "copies", List.of(String.valueOf(copies)),
                "method", List.of(method),
                "senderOfRecord", List.of("Kazan Federal University"),
                "recipient", recipients));
    }

    @Test
    void anEqualAllocationIsShownAsAPlanAdjustedByHandAndPlannedAsShipmentsLinkedFromIt() throws Exception {
        Branches b = threeBranches(10);

        var made = form("/distribution/allocations", allocation(b, 10, "equal", b.ids()));
        String page = made.getRedirectedUrl();
        var draft = send(get(page));
        var badAdjust = form(
                page + "/adjust", Map.of("copies-1", List.of("5"), "copies-2", List.of("5"), "copies-3", List.of("1")));
        var adjusted = form(
                page + "/adjust", Map.of("copies-1", List.of("5"), "copies-2", List.of("5"), "copies-3", List.of("0")));
        var planned = form(page + "/plan", Map.of());
        var after = send(get(page));

        assertThat(made.getStatus()).isEqualTo(302);
        assertThat(page).startsWith("/distribution/allocations/");
        String html = draft.getContentAsString();
        assertThat(html).contains("id=\"allocation-rule\"", "largest remainders", "10 copies to 3 recipients (of 10)");
        assertThat(html)
                .contains(
                        "name=\"copies-1\" value=\"4\"",
                        "name=\"copies-2\" value=\"3\"",
                        "name=\"copies-3\" value=\"3\"");
        assertThat(badAdjust.getFlashMap().get("errorCode")).isEqualTo("allocation-does-not-sum");
        assertThat(adjusted.getFlashMap().get("errorCode")).isNull();
        assertThat(planned.getFlashMap().get("errorCode")).isNull();
        assertThat(after.getContentAsString())
                .contains("id=\"allocation-planned\"", "class=\"share-shipment\"", "by hand")
                .doesNotContain("id=\"plan-submit\"");
        String id = page.substring(page.lastIndexOf('/') + 1);
        var api = admin().get("/api/allocations/" + id).json();
        assertThat(api.path("shares").valueStream().map(s -> s.path("copies").asInt()))
                .containsExactly(5, 5, 0);
        assertThat(api.path("shares")
                        .valueStream()
                        .filter(s -> s.hasNonNull("shipment"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void thePagesSpeakRussianAndAreReachedFromTheDashboard() throws Exception {
        String dashboard = send(get("/distribution/dashboard")).getContentAsString();
        String form =
                send(get("/distribution/allocations/new").param("lang", "ru")).getContentAsString();
        String requests =
                send(get("/distribution/requests").param("lang", "ru")).getContentAsString();

        assertThat(dashboard).contains("href=\"/distribution/requests\"", "href=\"/distribution/allocations\"");
        assertThat(form).contains("Новое распределение", "поровну", "по весам", "вручную", "наибольшие остатки");
        assertThat(requests).contains("Заявки на экземпляры", "Открыть заявку");
    }

    @Test
    void aCoordinatorReadsRequestsAndAllocationsButIsOfferedNoFormAndNoLogisticsPage() throws Exception {
        String name = new ShipmentsGiven(admin()).user("coordinator", "COORDINATOR", "en");
        var coordinator = user(accounts.loadUserByUsername(name));

        var requests = mvc.perform(get("/distribution/requests")
                        .accept(MediaType.TEXT_HTML)
                        .with(coordinator))
                .andReturn()
                .getResponse();
        var allocations = mvc.perform(get("/distribution/allocations")
                        .accept(MediaType.TEXT_HTML)
                        .with(coordinator))
                .andReturn()
                .getResponse();

        assertThat(requests.getStatus()).isEqualTo(200);
        assertThat(requests.getContentAsString())
                .contains("id=\"requests\"", "id=\"link-allocations\"")
                .doesNotContain(
                        "id=\"request-form\"", "href=\"/distribution/dashboard\"", "href=\"/distribution/stock\"");
        assertThat(allocations.getStatus()).isEqualTo(200);
        assertThat(allocations.getContentAsString()).doesNotContain("id=\"new-allocation\"");
    }

    @Test
    void badAllocationsAreRefusedWithTheirProblemAndTheFormKeptAndNothingIsMade() throws Exception {
        Branches b = threeBranches(10);
        long before = total("/api/allocations");
        List<String> weightsMissing = new ArrayList<>(b.ids());
        var weighted = allocation(b, 9, "weighted", weightsMissing);
        weighted.put("weight-" + b.ids().get(0), List.of("2"));
        weighted.put("weight-" + b.ids().get(1), List.of("1"));
        var negative = allocation(b, 9, "weighted", b.ids());
        b.ids().forEach(r -> negative.put("weight-" + r, List.of("1")));
        negative.put("weight-" + b.ids().get(2), List.of("-1"));
        var byHand = allocation(b, 9, "by_hand", b.ids());
        b.ids().forEach(r -> byHand.put("copies-" + r, List.of("2")));

        var tooMany = form("/distribution/allocations", allocation(b, 11, "equal", b.ids()));
        var nobody = form("/distribution/allocations", allocation(b, 5, "equal", List.of()));
        var missing = form("/distribution/allocations", weighted);
        var below = form("/distribution/allocations", negative);
        var notSumming = form("/distribution/allocations", byHand);

        assertThat(tooMany.getStatus()).isEqualTo(409);
        assertThat(tooMany.getContentAsString())
                .contains("data-code=\"insufficient-stock\"", "only 10 copies are left")
                .contains("value=\"11\"");
        assertThat(nobody.getStatus()).isEqualTo(400);
        assertThat(nobody.getContentAsString()).contains("data-code=\"invalid-allocation\"");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).contains("data-code=\"invalid-allocation\"", "a weight for every");
        assertThat(below.getStatus()).isEqualTo(400);
        assertThat(below.getContentAsString()).contains("data-code=\"invalid-allocation\"", "never negative");
        assertThat(notSumming.getStatus()).isEqualTo(400);
        assertThat(notSumming.getContentAsString())
                .contains("data-code=\"allocation-does-not-sum\"", "sum to 6, not 9");
        assertThat(total("/api/allocations")).isEqualTo(before);
    }

    @Test
    void aRequestIsOpenedOnItsPageLinkedToAShipmentAndBadInputOpensNothing() throws Exception {
        var given = new ShipmentsGiven(admin());
        var s = given.inStock(20);
        String shipment = given.shipment(s, 20);
        long before = total("/api/requests");

        var zero = form(
                "/distribution/requests",
                Map.of("recipient", List.of(s.recipient()), "edition", List.of(s.edition()), "copies", List.of("0")));
        var word = form(
                "/distribution/requests",
                Map.of(
                        "recipient",
                        List.of(s.recipient()),
                        "edition",
                        List.of(s.edition()),
                        "copies",
                        List.of("many")));
        assertThat(zero.getStatus()).isEqualTo(400);
        assertThat(zero.getContentAsString()).contains("data-code=\"invalid-copies\"");
        assertThat(word.getStatus()).isEqualTo(400);
        assertThat(word.getContentAsString()).contains("data-code=\"invalid-count\"");
        assertThat(total("/api/requests")).isEqualTo(before);

        var opened = form(
                "/distribution/requests",
                Map.of(
                        "recipient", List.of(s.recipient()),
                        "edition", List.of(s.edition()),
                        "copies", List.of("20"),
                        "requestedBy", List.of("the deputy minister")));
        String page = opened.getRedirectedUrl();
        String open = send(get(page)).getContentAsString();
        var declineBlank = form(page + "/decline", Map.of("reason", List.of(" ")));
        var linked = form(page + "/shipments", Map.of("shipment", List.of(shipment)));
        String planned = send(get(page)).getContentAsString();

        assertThat(open).contains("id=\"request-status\">open<", "id=\"link-form\"", shipment);
        assertThat(declineBlank.getFlashMap().get("errorCode")).isEqualTo("reason-required");
        assertThat(linked.getFlashMap().get("errorCode")).isNull();
        assertThat(planned).contains("id=\"request-status\">planned<", "/distribution/shipments/" + shipment);
        assertThat(total("/api/requests")).isEqualTo(before + 1);
    }
}
