package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.WebTest;

/** The shipments API end to end on the whole application: steps, ledger movements and bad input. */
class ShipmentsApiTest extends WebTest {
    ShipmentsGiven given() {
        return new ShipmentsGiven(admin());
    }

    @Test
    void aShipmentIsPlannedPackedDispatchedAndDeliveredWithItsHistoryAndMovements() {
        ShipmentsGiven.Setup s = given().inStock(10);
        String id = given().shipment(s, 4);

        for (String status : List.of("packed", "dispatched", "in_transit")) {
            var answer = admin().postJson("/api/shipments/" + id + "/status", Map.of("status", status));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        var delivered = admin().postJson("/api/shipments/" + id + "/status", Map.of("status", "delivered"));
        var shipment = admin().get("/api/shipments/" + id).json();

        assertThat(delivered.json().path("movements").valueStream().map(m -> m.path("type")
                        .asString()))
                .containsOnly("delivered");
        assertThat(shipment.path("status").asString()).isEqualTo("delivered");
        assertThat(shipment.path("senderOfRecord").asString()).isEqualTo("Казанский федеральный университет");
        assertThat(shipment.path("history").valueStream().map(e -> e.path("status")
                        .asString()))
                .containsExactly("planned", "packed", "dispatched", "in_transit", "delivered");
        assertThat(shipment.path("history").valueStream().map(e -> e.path("actor")
                        .asString()))
                .doesNotContainNull()
                .allSatisfy(a -> assertThat(a).isNotBlank());
        assertThat(given().held(s)).isEqualTo(6);
        assertThat(admin().get("/api/shipments?status=delivered&recipient=" + s.recipient())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aSkippedStepAndAShipmentOfMoreThanTheStockAreSpecificProblemsThatChangeNothing() {
        ShipmentsGiven.Setup s = given().inStock(3);
        long before = admin().get("/api/shipments?recipient=" + s.recipient())
                .json()
                .path("total")
                .asLong();
        var overStock = admin().postJson("/api/shipments", shipmentBody(s, 5));
        String id = given().shipment(s, 3);

        var skipped = admin().postJson("/api/shipments/" + id + "/status", Map.of("status", "dispatched"));
        admin().postJson("/api/shipments/" + id + "/status", Map.of("status", "packed"));
        var takenByHand = admin().with(
                        "Idempotency-Key", java.util.UUID.randomUUID().toString())
                .postJson(
                        "/api/stock/movements",
                        Map.of(
                                "type",
                                "damaged",
                                "edition",
                                s.edition(),
                                "location",
                                s.office(),
                                "quantity",
                                1,
                                "reason",
                                "wet"));
        var tooMany = admin().postJson("/api/shipments/" + id + "/status", Map.of("status", "dispatched"));
        var backwards = admin().postJson("/api/shipments/" + id + "/status", Map.of("status", "planned"));
        var unknownField = admin().postJson("/api/shipments/" + id + "/status", Map.of("state", "packed"));
        var noLines = admin().postJson(
                        "/api/shipments",
                        Map.of(
                                "location",
                                s.office(),
                                "recipient",
                                s.recipient(),
                                "senderOfRecord",
                                "X",
                                "lines",
                                List.of()));

        assertThat(overStock.status()).isEqualTo(409);
        assertThat(overStock.problemCode()).isEqualTo("insufficient-stock");
        assertThat(overStock.json().path("available").asInt()).isEqualTo(3);
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.problemCode()).isEqualTo("status-step-not-allowed");
        assertThat(skipped.json().path("allowed").valueStream().map(a -> a.asString()))
                .containsExactly("packed", "cancelled");
        assertThat(takenByHand.status()).as(takenByHand.body()).isEqualTo(201);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.problemCode()).isEqualTo("insufficient-stock");
        assertThat(tooMany.json().path("available").asInt()).isEqualTo(2);
        assertThat(backwards.problemCode()).isEqualTo("status-step-not-allowed");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(noLines.status()).isEqualTo(400);
        assertThat(noLines.problemCode()).isEqualTo("invalid-shipment");
        var shipment = admin().get("/api/shipments/" + id).json();
        assertThat(shipment.path("status").asString()).isEqualTo("packed");
        assertThat(shipment.path("history").size()).isEqualTo(2);
        assertThat(given().held(s)).isEqualTo(2);
        assertThat(admin().get("/api/shipments?recipient=" + s.recipient())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(before + 1);
    }

    static Map<String, Object> shipmentBody(ShipmentsGiven.Setup s, int copies) {
        return Map.of(
                "location",
                s.office(),
                "recipient",
                s.recipient(),
                "senderOfRecord",
                "X",
                "lines",
                List.of(Map.of("edition", s.edition(), "copies", copies)));
    }

    @Test
    void twoThousandKitsOverEighteenBranchesAre111Or112EachAndArePlannedOnceAsShipments() {
        var given = given();
        ShipmentsGiven.Setup s = given.inStock(2000);
        List<Map<String, Object>> branches = new java.util.ArrayList<>();
        for (int i = 0; i < 18; i++) {
            branches.add(Map.of(
                    "recipient",
                    given.create(
                            "/api/recipients",
                            Map.of("name", ShipmentsGiven.unique("Branch " + i), "kind", "branch", "language", "ru"))));
        }
        var draft = admin().postJson(
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
                                branches));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().path("id").asString();

        var copies = draft.json()
                .path("shares")
                .valueStream()
                .map(sh -> sh.path("copies").asInt())
                .toList();
        var planned = admin().postJson("/api/allocations/" + id + "/plan", Map.of());
        var again = admin().postJson("/api/allocations/" + id + "/plan", Map.of());

        assertThat(copies).hasSize(18).allSatisfy(c -> assertThat(c).isBetween(111, 112));
        assertThat(copies.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        assertThat(planned.json().path("status").asString()).isEqualTo("planned");
        assertThat(planned.json().path("shares").valueStream().map(sh -> sh.path("shipment")
                        .asString()))
                .doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("allocation-already-planned");
    }

    @Test
    void anAllocationOfMoreThanTheStockIsRefusedAndADraftIsAdjustedByHandOnlyToItsSum() {
        var given = given();
        ShipmentsGiven.Setup s = given.inStock(10);
        String other = given.create(
                "/api/recipients", Map.of("name", ShipmentsGiven.unique("Branch"), "kind", "branch", "language", "ru"));
        long before = admin().get("/api/allocations").json().path("total").asLong();
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "edition",
                s.edition(),
                "location",
                s.office(),
                "copies",
                11,
                "method",
                "equal",
                "senderOfRecord",
                "Kazan Federal University",
                "recipients",
                List.of(Map.of("recipient", s.recipient()), Map.of("recipient", other))));

        var tooMany = admin().postJson("/api/allocations", body);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.problemCode()).isEqualTo("insufficient-stock");
        assertThat(tooMany.json().path("available").asInt()).isEqualTo(10);
        assertThat(admin().get("/api/allocations").json().path("total").asLong())
                .isEqualTo(before);
        body.put("copies", 10);
        String id = given.create("/api/allocations", body);
        var notSumming = admin().postJson("/api/allocations/" + id + "/adjust", Map.of("copies", List.of(9, 2)));
        var negative = admin().postJson("/api/allocations/" + id + "/adjust", Map.of("copies", List.of(11, -1)));
        var adjusted = admin().postJson("/api/allocations/" + id + "/adjust", Map.of("copies", List.of(8, 2)));

        assertThat(notSumming.status()).isEqualTo(400);
        assertThat(notSumming.problemCode()).isEqualTo("allocation-does-not-sum");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.problemCode()).isEqualTo("invalid-allocation");
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().path("method").asString()).isEqualTo("by_hand");
        assertThat(adjusted.json().path("shares").valueStream().map(sh -> sh.path("copies")
                        .asInt()))
                .containsExactly(8, 2);
    }

    @Test
    void aDeputyMinistersRequestIsPlannedByItsShipmentAndFulfilledByItsDelivery() {
        var given = given();
        ShipmentsGiven.Setup s = given.inStock(500);
        String shipment = given.shipment(s, 500);
        String request = given.create(
                "/api/requests",
                Map.of(
                        "recipient",
                        s.recipient(),
                        "edition",
                        s.edition(),
                        "copies",
                        500,
                        "requestedBy",
                        "the deputy minister"));

        var byHand = admin().postJson("/api/requests/" + request + "/status", Map.of("status", "fulfilled"));
        var linked = admin().postJson("/api/requests/" + request + "/shipments", Map.of("shipment", shipment));
        for (String status : List.of("packed", "dispatched", "in_transit", "delivered")) {
            var step = admin().postJson("/api/shipments/" + shipment + "/status", Map.of("status", status));
            assertThat(step.status()).as(step.body()).isEqualTo(200);
        }
        var fulfilled = admin().get("/api/requests/" + request);

        assertThat(byHand.status()).isEqualTo(400);
        assertThat(byHand.problemCode()).isEqualTo("invalid-request-status");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("status").asString()).isEqualTo("planned");
        assertThat(fulfilled.json().path("status").asString()).isEqualTo("fulfilled");
        assertThat(fulfilled.json().path("shipments").valueStream().map(x -> x.asString()))
                .containsExactly(shipment);
        assertThat(admin().get("/api/requests?status=fulfilled")
                        .json()
                        .path("total")
                        .asLong())
                .isPositive();
    }
}
