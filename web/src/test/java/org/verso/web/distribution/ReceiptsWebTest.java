package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.verso.web.testing.WebTest;

/** Receipts without an account, through the API and the page: once only, bad counts, wrong links, throttling. */
@AutoConfigureMockMvc
class ReceiptsWebTest extends WebTest {
    @Autowired
    MockMvc mvc;

    ShipmentsGiven given() {
        return new ShipmentsGiven(admin());
    }

    String link(String shipment) {
        var answer = admin().postJson("/api/shipments/" + shipment + "/receipt-link", Map.of("validDays", 30));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("url").asString())
                .endsWith("/receipts/" + answer.json().path("token").asString());
        return answer.json().path("token").asString();
    }

    static Map<String, Object> counted(int accepted, int damaged, int missing) {
        return Map.of(
                "note",
                "коробка намокла",
                "lines",
                List.of(Map.of("line", 1, "accepted", accepted, "damaged", damaged, "missing", missing)));
    }

    @Test
    void aRecipientConfirmsTenDamagedWithoutAnAccountAndTheSecondSubmitChangesNothing() {
        var s = given().inStock(50);
        String shipment = given().onItsWay(s, 50);
        String token = link(shipment);

        var tooMany = http().postJson("/api/receipts/" + token, counted(45, 10, 0));
        var first = http().postJson("/api/receipts/" + token, counted(40, 10, 0));
        var second = http().postJson("/api/receipts/" + token, counted(50, 0, 0));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemCode()).isEqualTo("receipt-exceeds-shipped");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("partly_delivered");
        assertThat(first.json().path("discrepancies").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemCode()).isEqualTo("receipt-already-submitted");
        var seen = admin().get("/api/shipments/" + shipment).json();
        assertThat(seen.path("receipt").path("lines").get(0).path("damaged").asInt())
                .isEqualTo(10);
        assertThat(admin().get("/api/shipments?discrepancies=true&recipient=" + s.recipient())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        var damaged = admin().get("/api/stock/movements?edition=" + s.edition())
                .json()
                .path("items")
                .valueStream()
                .filter(m -> m.path("type").asString().equals("damaged"))
                .mapToInt(m -> m.path("quantity").asInt())
                .sum();
        assertThat(damaged).isEqualTo(-10);
    }

    @Test
    void theTokenReachesNothingButItsOwnReceipt() throws Exception {
        var s = given().inStock(5);
        String shipment = given().onItsWay(s, 5);
        String token = link(shipment);

        var bearer = http().with("Authorization", "Bearer " + token).get("/api/shipments/" + shipment);
        var basic = http().as(token, token).get("/api/shipments/" + shipment);
        var query = http().get("/api/shipments/" + shipment + "?token=" + token);
        var deeper = mvc.perform(get("/receipts/" + token + "/x").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        var page = mvc.perform(
                        get("/distribution/shipments").param("token", token).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        var revoked = admin().send("DELETE", "/api/shipments/" + shipment + "/receipt-link", "application/json", "");
        var afterRevoke = http().postJson("/api/receipts/" + token, counted(5, 0, 0));

        assertThat(bearer.status()).isEqualTo(401);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(query.status()).isEqualTo(401);
        assertThat(deeper.getStatus()).isEqualTo(302);
        assertThat(deeper.getRedirectedUrl()).endsWith("/login");
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(revoked.json().path("revoked").asInt()).isEqualTo(1);
        assertThat(afterRevoke.status()).isEqualTo(403);
        assertThat(afterRevoke.problemCode()).isEqualTo("receipt-link-revoked");
    }

    @Test
    void aHundredWrongTokensFromOneAddressAreThrottledWhileOtherAddressesAreNot() throws Exception {
        for (int i = 0; i < 100; i++) {
            int status = mvc.perform(from("10.9.8.7", "/api/receipts/wrongTokenNumber" + (100000 + i)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).isEqualTo(404);
        }

        var throttled = mvc.perform(from("10.9.8.7", "/api/receipts/wrongTokenNumber1000000"))
                .andReturn()
                .getResponse();
        var page = mvc.perform(get("/receipts/wrongTokenNumber1000000").with(r -> {
                    r.setRemoteAddr("10.9.8.7");
                    return r;
                }))
                .andReturn()
                .getResponse();
        var other = mvc.perform(from("10.9.8.8", "/api/receipts/wrongTokenNumber1000000"))
                .andReturn()
                .getResponse();

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getContentAsString()).contains("urn:verso:problem:receipt-throttled");
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(other.getStatus()).isEqualTo(404);
    }

    private static MockHttpServletRequestBuilder from(String address, String path) {
        return post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\":[{\"line\":1,\"accepted\":1}]}")
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    @Test
    void thePageSpeaksTheBrowsersLanguageOrTheSwitchsAndTakesTheCountsByForm() throws Exception {
        var s = given().inStock(12);
        String shipment = given().onItsWay(s, 12);
        String token = link(shipment);

        String russian = mvc.perform(get("/receipts/" + token).header("Accept-Language", "ru-RU,ru;q=0.9"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String english = mvc.perform(
                        get("/receipts/" + token).param("lang", "en").header("Accept-Language", "ru"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var submitted = mvc.perform(post("/receipts/" + token)
                        .param("lang", "ru")
                        .param("accepted-1", "2")
                        .param("damaged-1", "10")
                        .param("missing-1", "0")
                        .param("note", "дождь"))
                .andReturn()
                .getResponse();
        String thanks = mvc.perform(get(submitted.getRedirectedUrl()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(russian).contains("Подтвердить получение", "Казанский федеральный университет", "Хартия");
        assertThat(english).contains("Confirm receipt", "12 copies were shipped");
        assertThat(submitted.getStatus()).isEqualTo(302);
        assertThat(thanks).contains("Спасибо", "Принято: 2, повреждено: 10, не хватает: 0");
        assertThat(admin().get("/api/shipments/" + shipment)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("partly_delivered");
    }
}
