package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verso.distribution.Shipments;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;

/**
 * Issue 16's remaining gaps over HTTP: stock reserved by planned shipments, the packing slip read without side
 * effects, shipment movements not reversible through the ledger, In transit not offered as a store.
 */
class DistributionGapsWebTest extends WebTest {
    ShipmentsGiven given() {
        return new ShipmentsGiven(admin());
    }

    @Test
    void thePlannedShipmentsCopiesAreReservedInTheStockApiAndMoreIsRefusedUntilItIsCancelled() {
        ShipmentsGiven.Setup s = given().inStock(10);
        String planned = given().shipment(s, 7);

        var stock = admin().get("/api/stock?edition=" + s.edition() + "&location=" + s.office())
                .json()
                .path("items")
                .get(0);
        var tooMany = admin().postJson("/api/shipments", ShipmentsApiTest.shipmentBody(s, 4));
        var cancelled = admin().postJson("/api/shipments/" + planned + "/status", Map.of("status", "cancelled"));
        var afterCancel = admin().postJson("/api/shipments", ShipmentsApiTest.shipmentBody(s, 4));

        assertThat(stock.path("quantity").asInt()).isEqualTo(10);
        assertThat(stock.path("reserved").asInt()).isEqualTo(7);
        assertThat(stock.path("available").asInt()).isEqualTo(3);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.problemCode()).isEqualTo("insufficient-stock");
        assertThat(tooMany.json().path("available").asInt()).isEqualTo(3);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("shipment").path("status").asString()).isEqualTo("cancelled");
        assertThat(afterCancel.status()).as(afterCancel.body()).isEqualTo(201);
    }

    @Test
    void printingThePackingSlipTwiceShowsTheSameLinkWhichStillWorksUntilANewOneIsIssued() throws Exception {
        ShipmentsGiven.Setup s = given().inStock(5);
        String shipment = given().onItsWay(s, 5); // packed on the way: it got its link then

        String first = slipText(shipment);
        String second = slipText(shipment);
        var current = admin().get("/api/shipments/" + shipment + "/receipt-link");
        String url = current.json().path("url").asString();
        String token = current.json().path("token").asString();
        var opens = http().get("/receipts/" + token);

        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(first).contains(url);
        assertThat(second).isEqualTo(first);
        assertThat(opens.status()).isEqualTo(200);

        var renewed = admin().postJson("/api/shipments/" + shipment + "/receipt-link", Map.of());
        String newUrl = renewed.json().path("url").asString();

        assertThat(renewed.status()).isEqualTo(201);
        assertThat(newUrl).isNotEqualTo(url);
        assertThat(slipText(shipment)).contains(newUrl).doesNotContain(url);
        assertThat(http().postJson("/api/receipts/" + token, Map.of("lines", List.of()))
                        .problemCode())
                .isEqualTo("receipt-link-revoked");
        var page = admin().get("/distribution/shipments/" + shipment);
        assertThat(page.body()).contains(newUrl, "id=\"issue-link\"");
    }

    @Test
    void aShipmentWithoutALiveLinkPrintsASlipWithoutOneAndTheLinkIsNotFound() throws Exception {
        ShipmentsGiven.Setup s = given().inStock(5);
        String shipment = given().shipment(s, 2); // planned: no link yet

        var none = admin().get("/api/shipments/" + shipment + "/receipt-link");

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problemCode()).isEqualTo("receipt-link-not-found");
        assertThat(slipText(shipment)).doesNotContain("/receipts/");
        assertThat(admin().get("/api/shipments/" + shipment + "/receipt-link").status())
                .isEqualTo(404);
    }

    @Test
    void reversingAShipmentsMovementThroughTheLedgerIsRefusedNamingTheShipment() {
        ShipmentsGiven.Setup s = given().inStock(5);
        String shipment = given().onItsWay(s, 2);
        var movements =
                admin().get("/api/stock/movements?edition=" + s.edition()).json();
        long dispatched = movements
                .path("items")
                .valueStream()
                .filter(m -> m.path("type").asString().equals("dispatched"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();

        var reversal = admin().with("Idempotency-Key", UUID.randomUUID().toString())
                .postJson("/api/stock/movements", Map.of("reverses", dispatched, "reason", "wrong parcel"));

        assertThat(reversal.status()).isEqualTo(409);
        assertThat(reversal.problemCode()).isEqualTo("movement-belongs-to-shipment");
        assertThat(reversal.json().path("shipment").asString()).isEqualTo(shipment);
        assertThat(admin().get("/api/stock/movements?edition=" + s.edition())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(movements.path("total").asLong());
        assertThat(admin().get("/api/shipments/" + shipment)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("dispatched");
    }

    @Test
    void inTransitIsNoStoreInTheLocationsApiNorInTheStockPagesChoicesButNamesCopiesOnTheirWay() {
        ShipmentsGiven.Setup s = given().inStock(5);
        given().onItsWay(s, 2);
        String inTransit = Shipments.IN_TRANSIT.toString();

        var locations = admin().get("/api/locations?size=500").json();
        var page = admin().get("/distribution/stock?edition=" + s.edition() + "&lang=ru");

        assertThat(locations.path("items").valueStream().map(l -> l.path("id").asString()))
                .contains(s.office())
                .doesNotContain(inTransit);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("value=\"" + inTransit + "\"");
        assertThat(page.body()).contains("class=\"in-transit\">в пути</td>");
        // the ledger of the copies on their way names the place the same way
        var ledger = admin().get("/distribution/ledger?edition=" + s.edition() + "&location=" + inTransit + "&funder="
                + s.funder() + "&lang=ru");
        assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
        assertThat(ledger.body()).contains("· в пути ·").doesNotContain("In transit");
    }

    @Test
    void theDashboardsWaitingRequestsLinkToTheRequest() {
        ShipmentsGiven.Setup s = given().inStock(5);
        String request = given().create(
                        "/api/requests", Map.of("recipient", s.recipient(), "edition", s.edition(), "copies", 3));

        var page = admin().get("/distribution/dashboard");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/distribution/requests/" + request + "\"");
        // its status in the reader's language, not the code
        assertThat(admin().get("/distribution/dashboard?lang=ru").body()).contains("<td>открыта</td>");
    }

    @Test
    void theAllocationPagesCopiesAndSumLineAreWrittenAsTheReadersLanguageWritesNumbers() {
        ShipmentsGiven.Setup s = given().inStock(2000);
        String other = given().create(
                        "/api/recipients",
                        Map.of("name", ShipmentsGiven.unique("Branch"), "kind", "branch", "language", "ru"));
        String id = given().create(
                        "/api/allocations",
                        Map.of(
                                "edition",
                                s.edition(),
                                "location",
                                s.office(),
                                "copies",
                                2000,
                                "method",
                                "equal",
                                "senderOfRecord",
                                "Kazan Federal University",
                                "recipients",
                                List.of(Map.of("recipient", s.recipient()), Map.of("recipient", other))));

        String russian =
                admin().get("/distribution/allocations/" + id + "?lang=ru").body();
        String english =
                admin().get("/distribution/allocations/" + id + "?lang=en").body();

        assertThat(russian)
                .containsPattern(
                        "id=\"allocation-sum\">2[\\u00a0\\u202f ]000 экз\\. для 2 получателей \\(из 2[\\u00a0\\u202f ]000\\)");
        assertThat(english).contains("id=\"allocation-sum\">2,000 copies to 2 recipients (of 2,000)");
        // the allocation's copies as each language writes numbers, as in the sum line
        assertThat(russian).containsPattern("id=\"allocation-copies\">2[\\u00a0\\u202f ]000<");
        assertThat(english).contains("id=\"allocation-copies\">2,000<");
    }

    private String slipText(String shipment) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(http().url("/api/shipments/" + shipment + "/packing-slip")))
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                .GET()
                .build();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
