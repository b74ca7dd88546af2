package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;

/** The distribution API end to end on the whole application: print runs, receipts, the ledger and bad input. */
class DistributionApiTest extends WebTest {
    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private String create(String path, Object body) {
        var answer = admin().postJson(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private record Setup(String edition, String office, String coe, String foundation, String run) {}

    private Setup received(int coeCopies, int foundationCopies) {
        String coe = create("/api/funders", Map.of("name", unique("Council of Europe"), "currency", "eur"));
        String foundation = create("/api/funders", Map.of("name", unique("German foundation"), "country", "de"));
        String office = create("/api/locations", Map.of("name", unique("Office"), "address", "Nevsky 1"));
        String edition = create(
                "/api/editions",
                Map.of(
                        "title",
                        unique("Police training kit"),
                        "language",
                        "ru",
                        "items",
                        List.of(Map.of("code", "DVD-1", "description", "video"))));
        String run = create(
                "/api/print-runs",
                Map.of(
                        "edition",
                        edition,
                        "quantity",
                        coeCopies + foundationCopies,
                        "printer",
                        "Printer Ltd",
                        "orderedOn",
                        "2026-03-01",
                        "funders",
                        List.of(
                                Map.of("funder", coe, "copies", coeCopies),
                                Map.of("funder", foundation, "copies", foundationCopies))));
        var receipt = admin().postJson(
                        "/api/print-runs/" + run + "/receipts",
                        Map.of(
                                "location",
                                office,
                                "quantity",
                                coeCopies + foundationCopies,
                                "receivedOn",
                                "2026-04-01"));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        return new Setup(edition, office, coe, foundation, run);
    }

    private Map<String, Object> dispatch(Setup s, int copies) {
        return Map.of("type", "DISPATCHED", "edition", s.edition(), "location", s.office(), "quantity", copies);
    }

    @Test
    void aPrintRunPaidByTwoFundersIsReceivedIntoStockFunderByFunder() {
        Setup s = received(1000, 1000);

        var run = admin().get("/api/print-runs/" + s.run()).json();
        var stock = admin().get("/api/stock?edition=" + s.edition() + "&page=1&size=10")
                .json();

        assertThat(run.path("status").asString()).isEqualTo("received_fully");
        assertThat(stock.path("total").asLong()).isEqualTo(2);
        assertThat(stock.path("pages").asLong()).isEqualTo(1);
        assertThat(stock.path("items").valueStream().map(b -> b.path("quantity").asInt()))
                .containsExactly(1000, 1000);
    }

    @Test
    void theApiDocumentListsTheDistributionEndpoints() {
        var doc = admin().get("/v3/api-docs");

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body())
                .contains(
                        "\"/api/stock/movements\"", "\"/api/print-runs/{id}/receipts\"", "\"/api/recipients/import\"");
    }

    @Test
    void aRetriedMovementMakesOneMovementAndTheSameKeyWithAnotherBodyIs422() {
        Setup s = received(10, 10);
        Http clerk = admin().with("Idempotency-Key", "dispatch-" + UUID.randomUUID());

        var first = clerk.postJson("/api/stock/movements", dispatch(s, 4));
        var retry = clerk.postJson("/api/stock/movements", dispatch(s, 4));
        var other = clerk.postJson("/api/stock/movements", dispatch(s, 5));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("movements").valueStream().map(m -> m.path("type")
                        .asString()))
                .containsOnly("dispatched");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("movements")).isEqualTo(first.json().path("movements"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problemCode()).isEqualTo("idempotency-key-reused");
        assertThat(admin().get("/api/stock/movements?edition=" + s.edition())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2 + 2);
    }

    @Test
    void aDispatchOfMoreThanThereIsIs409WithWhatIsLeftInTheReadersLanguage() {
        Setup s = received(3, 2);

        String name = "logistics-" + UUID.randomUUID().toString().substring(0, 8);
        var account = admin().postJson(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                name,
                                "password",
                                "logistics-password-1",
                                "roles",
                                List.of("LOGISTICS"),
                                "languages",
                                List.of(),
                                "uiLanguage",
                                "ru"));
        assertThat(account.status()).as(account.body()).isEqualTo(201);

        var answer = http().as(name, "logistics-password-1")
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .postJson("/api/stock/movements", dispatch(s, 6));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemCode()).isEqualTo("insufficient-stock");
        assertThat(answer.json().path("available").asInt()).isEqualTo(5);
        assertThat(answer.json().path("availableByFunder").path(s.coe()).asInt())
                .isEqualTo(3);
        assertThat(answer.json().path("title").asString()).isEqualTo("Недостаточно экземпляров на складе");
        assertThat(admin().get("/api/stock/movements?edition=" + s.edition())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void badInputIsASpecificProblemAndChangesNothing() {
        Setup s = received(5, 5);
        long runs = admin().get("/api/print-runs").json().path("total").asLong();

        var shares = admin().postJson(
                        "/api/print-runs",
                        Map.of(
                                "edition",
                                s.edition(),
                                "quantity",
                                2000,
                                "printer",
                                "P",
                                "orderedOn",
                                "2026-03-01",
                                "funders",
                                List.of(
                                        Map.of("funder", s.coe(), "copies", 1000),
                                        Map.of("funder", s.foundation(), "copies", 999))));
        var revision = admin().postJson(
                        "/api/editions",
                        Map.of(
                                "title",
                                "Charter",
                                "language",
                                "ru",
                                "items",
                                List.of(Map.of("revision", UUID.randomUUID().toString()))));
        var overReceipt = admin().postJson(
                        "/api/print-runs/" + s.run() + "/receipts",
                        Map.of("location", s.office(), "quantity", 1, "receivedOn", "2026-04-02"));
        var noKey = admin().postJson("/api/stock/movements", dispatch(s, 1));
        var unknownField = admin().with("Idempotency-Key", UUID.randomUUID().toString())
                .postJson(
                        "/api/stock/movements",
                        Map.of(
                                "type",
                                "DISPATCHED",
                                "edition",
                                s.edition(),
                                "location",
                                s.office(),
                                "quantity",
                                1,
                                "colour",
                                "red"));

        assertThat(shares.status()).isEqualTo(400);
        assertThat(shares.problemCode()).isEqualTo("shares-do-not-sum");
        assertThat(revision.problemCode()).isEqualTo("revision-not-approved");
        assertThat(overReceipt.status()).isEqualTo(409);
        assertThat(overReceipt.problemCode()).isEqualTo("print-run-closed");
        assertThat(noKey.problemCode()).isEqualTo("idempotency-key-required");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.problemCode()).isEqualTo("unknown-field");
        assertThat(admin().get("/api/print-runs").json().path("total").asLong()).isEqualTo(runs);
        assertThat(admin().get("/api/stock/movements?edition=" + s.edition())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void aReceiptOfMoreThanWasOrderedWithoutAReasonIsRefused() {
        String funder = create("/api/funders", Map.of("name", unique("Ministry")));
        String office = create("/api/locations", Map.of("name", unique("Office"), "address", "Nevsky 1"));
        String edition = create(
                "/api/editions",
                Map.of("title", unique("Charter"), "language", "ru", "items", List.of(Map.of("code", "POSTER"))));
        String run = create(
                "/api/print-runs",
                Map.of(
                        "edition",
                        edition,
                        "quantity",
                        500,
                        "printer",
                        "P",
                        "orderedOn",
                        "2026-03-01",
                        "funders",
                        List.of(Map.of("funder", funder, "copies", 500))));

        var answer = admin().postJson(
                        "/api/print-runs/" + run + "/receipts",
                        Map.of("location", office, "quantity", 501, "receivedOn", "2026-04-02"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("receipt-exceeds-order");
        assertThat(answer.json().path("due").asInt()).isEqualTo(500);
        assertThat(admin().get("/api/print-runs/" + run).json().path("received").asInt())
                .isZero();
    }

    @Test
    void recipientsComeInAndGoOutAsCsvAndABadFileImportsNothing() {
        String t = UUID.randomUUID().toString().substring(0, 6);
        String good = "name,kind,parent,city,language\nUniversity " + t + ",university,,Moscow,ru\nBranch " + t
                + ",branch,University " + t + ",Omsk,ru\n";
        String wrongColumn = "name,kind,language,fax\nX " + t + ",ngo,ru,1\n";
        byte[] cp1251 =
                ("name,kind,language\nБиблиотека " + t + ",library,ru\n").getBytes(Charset.forName("windows-1251"));
        String duplicate = "name,kind,language\nSchool " + t + ",school,ru\nschool " + t + ",school,ru\n";

        var preview = admin().send("POST", "/api/recipients/import?preview=true", "text/csv", good);
        var imported = admin().send("POST", "/api/recipients/import", "text/csv", good);
        var columns = admin().send("POST", "/api/recipients/import", "text/csv", wrongColumn);
        var encoding = admin().send("POST", "/api/recipients/import", "text/csv", cp1251);
        var twice = admin().send("POST", "/api/recipients/import", "text/csv", duplicate);
        var export = admin().get("/api/recipients/export");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("imported").asInt()).isZero();
        assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
        assertThat(columns.problemCode()).isEqualTo("csv-columns");
        assertThat(encoding.problemCode()).isEqualTo("csv-encoding");
        assertThat(twice.problemCode()).isEqualTo("csv-rows-invalid");
        assertThat(twice.json().path("errors").get(0).path("code").asString()).isEqualTo("duplicate-recipient");
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.body()).contains("Branch " + t + ",branch,University " + t + ",,Omsk,,,ru");
        assertThat(export.body()).doesNotContain("School " + t);
    }
}
