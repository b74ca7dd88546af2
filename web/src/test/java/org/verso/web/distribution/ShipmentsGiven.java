package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.verso.web.testing.Http;

/** Funders, stock, recipients and shipments made through the API, with names of their own. */
record ShipmentsGiven(Http admin) {
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    String create(String path, Object body) {
        var answer = admin.postJson(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    record Setup(String edition, String office, String funder, String recipient) {}

    /** {@code copies} of an edition in stock at an office, and a Russian-speaking recipient. */
    Setup inStock(int copies) {
        String funder = create("/api/funders", Map.of("name", unique("Council of Europe")));
        String office = create("/api/locations", Map.of("name", unique("Office"), "address", "Nevsky 1"));
        String edition = create(
                "/api/editions",
                Map.of(
                        "title",
                        unique("Хартия"),
                        "language",
                        "ru",
                        "items",
                        List.of(Map.of("code", "BOOK", "description", "the charter"))));
        String run = create(
                "/api/print-runs",
                Map.of(
                        "edition",
                        edition,
                        "quantity",
                        copies,
                        "printer",
                        "Printer Ltd",
                        "orderedOn",
                        "2026-03-01",
                        "funders",
                        List.of(Map.of("funder", funder, "copies", copies))));
        var receipt = admin.postJson(
                "/api/print-runs/" + run + "/receipts",
                Map.of("location", office, "quantity", copies, "receivedOn", "2026-04-01"));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        String recipient = create(
                "/api/recipients",
                Map.of("name", unique("Казанский филиал"), "kind", "branch", "city", "Казань", "language", "ru"));
        return new Setup(edition, office, funder, recipient);
    }

    String shipment(Setup s, int copies) {
        return create(
                "/api/shipments",
                Map.of(
                        "location",
                        s.office(),
                        "recipient",
                        s.recipient(),
                        "senderOfRecord",
                        "Казанский федеральный университет",
                        "carrier",
                        "Почта России",
                        "trackingNumber",
                        "RA123456789RU",
                        "lines",
                        List.of(Map.of("edition", s.edition(), "copies", copies))));
    }

    int held(Setup s) {
        return admin.get("/api/stock?edition=" + s.edition() + "&location=" + s.office())
                .json()
                .path("items")
                .valueStream()
                .mapToInt(b -> b.path("quantity").asInt())
                .sum();
    }

    String onItsWay(Setup s, int copies) {
        String id = shipment(s, copies);
        for (String status : List.of("packed", "dispatched")) {
            var answer = admin.postJson("/api/shipments/" + id + "/status", Map.of("status", status));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        return id;
    }

    /** A new account with the LOGISTICS role only, in the interface language given; its password is name + "-password". */
    String logisticsUser(String prefix, String uiLanguage) {
        return user(prefix, "LOGISTICS", uiLanguage);
    }

    /** A new account with one role, in the interface language given; its password is name + "-password". */
    String user(String prefix, String role, String uiLanguage) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        var account = admin.postJson(
                "/api/admin/users",
                Map.of(
                        "username",
                        name,
                        "password",
                        name + "-password",
                        "roles",
                        List.of(role),
                        "languages",
                        List.of(),
                        "uiLanguage",
                        uiLanguage));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        return name;
    }
}
