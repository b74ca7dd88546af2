package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verso.library.testing.Environment;
import org.verso.library.testing.Tesseract;
import org.verso.web.testing.Http;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scanned page (an image of English and Russian text in a PDF, no text layer) uploaded like any file: the job reads
 * it by OCR in its worker, says so, the document records it, and search finds its words in both languages.
 */
@AutoConfigureMockMvc
class ScannedDocumentTest extends WebTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void aScannedPageIsReadByOcrAndItsEnglishAndRussianWordsAreFound() throws Exception {
        Tesseract.require();
        Environment.require(Files.isRegularFile(FONT), "The DejaVu Sans font (fonts-dejavu-core) at " + FONT);
        Http coordinator = coordinator();
        byte[] scan = scannedPdf(
                "Lighthouse keepers handbook",
                "The accordion stays in the harbour.",
                "Справочник смотрителя маяка",
                "Гармонь остаётся в гавани.");

        var response =
                Multipart.upload(port, "scan-coordinator", IngestApiTest.PASSWORD, Map.of("scan.pdf", scan), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = IngestApiTest.awaitJob(
                coordinator, JSON.readTree(response.body()).path("id").asString());
        JsonNode item = IngestApiTest.item(job, "scan.pdf");
        assertThat(item.path("outcome").asString()).as(item.toString()).isEqualTo("ingested");
        assertThat(item.path("reasonCode").asString()).isEqualTo("ocr");
        String id = item.path("documentId").asString();
        JsonNode file =
                coordinator.get("/api/documents/" + id).json().path("files").get(0);
        assertThat(file.path("textFromOcr").asBoolean()).isTrue();
        assertThat(file.path("textLength").asLong()).isPositive();
        assertThat(page("/documents/" + id)).contains("data-flag=\"ocr\"");

        for (String word : List.of("accordion", "lighthouse", "гармонь", "гавани")) {
            assertThat(awaitHit(coordinator, word)).as(word).contains(id);
        }
    }

    @Test
    void aFileWithoutTextIsFlaggedInTheJobTheListAndTheDocumentPage() throws Exception {
        Http coordinator = coordinator();
        byte[] blank;
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage(PDRectangle.A4));
            String unique = java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            pdf.getDocumentInformation().setTitle("Blanksheet" + unique);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            blank = out.toByteArray();
        }

        var response =
                Multipart.upload(port, "scan-coordinator", IngestApiTest.PASSWORD, Map.of("blank.pdf", blank), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String jobId = JSON.readTree(response.body()).path("id").asString();
        JsonNode item = IngestApiTest.item(IngestApiTest.awaitJob(coordinator, jobId), "blank.pdf");
        assertThat(item.path("outcome").asString()).isEqualTo("ingested");
        assertThat(item.path("reasonCode").asString()).isEqualTo("no-text");
        String id = item.path("documentId").asString();
        String title =
                coordinator.get("/api/documents/" + id).json().path("title").asString();
        assertThat(page("/ingest/jobs/" + jobId)).contains("data-flag=\"no-text\"");
        assertThat(page("/documents/" + id)).contains("data-flag=\"no-text\"");
        assertThat(page("/documents?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)))
                .contains(id)
                .contains("data-flag=\"no-text\"");
    }

    private Http coordinator() {
        var created = admin().postJson(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                "scan-coordinator",
                                "password",
                                IngestApiTest.PASSWORD,
                                "roles",
                                List.of("COORDINATOR"),
                                "languages",
                                List.of("ru")));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return http().as("scan-coordinator", IngestApiTest.PASSWORD);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadUserByUsername("scan-coordinator"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A page as a scanner makes it: the lines drawn into a grey image at 200 dpi, the image alone in a PDF page. */
    private static byte[] scannedPdf(String... lines) throws Exception {
        int dpi = 200;
        PDRectangle a4 = PDRectangle.A4;
        BufferedImage page = new BufferedImage(
                Math.round(a4.getWidth() / 72 * dpi),
                Math.round(a4.getHeight() / 72 * dpi),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(Font.createFont(Font.TRUETYPE_FONT, FONT.toFile()).deriveFont(Font.PLAIN, 40f));
        int y = 250;
        for (String line : lines) {
            g.drawString(line, 150, y);
            y += 90;
        }
        g.dispose();
        try (PDDocument pdf = new PDDocument()) {
            PDPage sheet = new PDPage(a4);
            pdf.addPage(sheet);
            PDImageXObject image = LosslessFactory.createFromImage(pdf, page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, sheet)) {
                content.drawImage(image, 0, 0, a4.getWidth(), a4.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** The search answer for a word once the index has the document (it is indexed after the job's commit). */
    private static String awaitHit(Http coordinator, String word) throws InterruptedException, IOException {
        String body = "";
        for (int i = 0; i < 300; i++) {
            var response = coordinator.get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            body = response.body();
            if (response.json().path("total").asLong() > 0) {
                return body;
            }
            Thread.sleep(100);
        }
        return body;
    }
}
