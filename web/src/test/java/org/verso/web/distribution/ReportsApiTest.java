package org.verso.web.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;

/** The donor report and traceability API end to end: figures, the check, the files and bad input. */
class ReportsApiTest extends WebTest {
    ShipmentsGiven given() {
        return new ShipmentsGiven(admin());
    }

    /** 10 copies received, 4 delivered, 3 on their way. */
    ShipmentsGiven.Setup delivered() {
        ShipmentsGiven.Setup s = given().inStock(10);
        String id = given().onItsWay(s, 4);
        for (String status : java.util.List.of("in_transit", "delivered")) {
            var answer = admin().postJson("/api/shipments/" + id + "/status", Map.of("status", status));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        given().onItsWay(s, 3);
        return s;
    }

    String period() {
        return "&from=2026-01-01&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1);
    }

    HttpResponse<byte[]> file(String path, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http().url(path)))
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                .header("Accept-Language", language)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theReportOfAFunderReconcilesInJson() {
        ShipmentsGiven.Setup s = delivered();

        var report = admin().get("/api/reports/donors?funder=" + s.funder() + period());

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var json = report.json();
        assertThat(json.path("printed").asInt()).isEqualTo(10);
        assertThat(json.path("inStock").asInt()).isEqualTo(3);
        assertThat(json.path("inTransit").asInt()).isEqualTo(3);
        assertThat(json.path("delivered").asInt()).isEqualTo(4);
        assertThat(json.path("deliveredByCity").path(0).path("name").asString()).isEqualTo("Казань");
        assertThat(json.path("deliveredByKind").path(0).path("name").asString()).isEqualTo("branch");
        assertThat(json.path("check").path("holds").asBoolean()).isTrue();
        assertThat(json.path("check").path("accounted").asInt()).isEqualTo(10);
    }

    @Test
    void theCsvXlsxAndPdfCarryTheFigures() throws Exception {
        ShipmentsGiven.Setup s = delivered();
        String path = "/api/reports/donors?funder=" + s.funder() + period() + "&format=";

        var csv = file(path + "csv", "en");
        var xlsx = file(path + "xlsx&language=ru", "ru");
        var pdf = file(path + "pdf&language=ru", "ru");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Printed,,10", "Delivered,,4", "Check: printed = in stock");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null
                        && row.getCell(0).getStringCellValue().equals("Доставлено")
                        && row.getCell(2).getNumericCellValue() == 4.0) {
                    found = true;
                }
            }
            assertThat(found).as("the XLSX has Доставлено = 4").isTrue();
        }
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("donor-report-2026-01-01-"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Отчёт для донора", "Сходится: да", "10 = 10");
        }
    }

    @Test
    void aPeriodWithoutDataIsAnEmptyReport() {
        ShipmentsGiven.Setup s = delivered();

        var report = admin().get("/api/reports/donors?funder=" + s.funder() + "&from=2020-01-01&to=2020-12-31");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("empty").asBoolean()).isTrue();
        assertThat(report.json().path("check").path("holds").asBoolean()).isTrue();
    }

    @Test
    void badDatesPeriodsFormatsAndUnknownFundersAreSpecificProblems() {
        ShipmentsGiven.Setup s = delivered();
        String funder = "/api/reports/donors?funder=" + s.funder();

        var badDate = admin().get(funder + "&from=2026-13-01");
        var backwards = admin().get(funder + "&from=2026-05-01&to=2026-04-01");
        var badFormat = admin().get(funder + "&format=doc");
        var unknown = admin().get("/api/reports/donors?funder=" + UUID.randomUUID());
        var noFunder = admin().get("/api/reports/donors");
        var badId = admin().get("/api/reports/donors?funder=nope");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.problemCode()).isEqualTo("invalid-date");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemCode()).isEqualTo("invalid-period");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.problemCode()).isEqualTo("invalid-report-format");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("funder-not-found");
        assertThat(noFunder.problemCode()).isEqualTo("funder-required");
        assertThat(badId.problemCode()).isEqualTo("invalid-id");
    }

    @Test
    void traceabilityOfAnUnknownOrMalformedRevisionIsASpecificProblem() {
        var unknown = admin().get("/api/traceability?revision=" + UUID.randomUUID());
        var malformed = admin().get("/api/traceability?revision=r1");
        var missing = admin().get("/api/traceability");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("revision-not-found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("invalid-id");
        assertThat(missing.problemCode()).isEqualTo("revision-required");
    }
}
