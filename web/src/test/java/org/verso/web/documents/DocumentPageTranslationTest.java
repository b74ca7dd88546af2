package org.verso.web.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.ItemOutcome;
import org.verso.ingest.JobProgress;
import org.verso.ingest.Upload;
import org.verso.library.testing.Environment;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document page says for each file what the translation module found when it segmented it (not what the media
 * type suggests), and the note that a translation will come out as a new DOCX appears once on the page as a browser
 * shows it: the page with its segments section.
 */
@AutoConfigureMockMvc
class DocumentPageTranslationTest extends WebTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    IngestJobs jobs;

    @Autowired
    Segments segments;

    @Autowired
    MessageSource messages;

    @Autowired
    Accounts users;

    @Autowired
    UserDetailsService accounts;

    @Test
    void eachFileShowsTheTranslationModulesFlagAndTheNewDocxNoteAppearsOnce() throws Exception {
        UserDetails coordinator = person("readiness-coordinator", Role.COORDINATOR);
        Path corpus = corpus();
        JobProgress job = await(jobs.upload(
                        List.of(
                                upload("report.docx", wordDocument()),
                                upload(
                                        "report.pdf",
                                        unique(Files.readAllBytes(corpus.resolve("office/pdf/testPDF.pdf")))),
                                upload("budget.xlsx", spreadsheet())),
                        null,
                        "readiness-test")
                .id());
        assertThat(job.items()).extracting(IngestItem::outcome).containsOnly(ItemOutcome.INGESTED);
        String note = messages.getMessage("translation.segments.newDocx", null, Locale.ENGLISH);

        for (IngestItem item : job.items()) {
            awaitSegmentation(item);
            String page = render("/documents/" + item.documentId(), coordinator)
                    + render("/documents/" + item.documentId() + "/segments", coordinator);
            JsonNode api =
                    JsonMapper.builder().build().readTree(render("/api/documents/" + item.documentId(), coordinator));
            JsonNode inPlace = api.get("files").get(0).get("translatableInPlace");

            switch (item.name()) {
                case "report.docx" -> {
                    assertThat(page).contains("data-translation=\"IN_PLACE\"");
                    assertThat(occurrences(page, note)).as("note for a DOCX").isZero();
                    assertThat(inPlace.asBoolean()).isTrue();
                }
                case "report.pdf" -> {
                    assertThat(page).contains("data-translation=\"NEW_DOCX\"");
                    assertThat(occurrences(page, note)).as("note for a PDF").isEqualTo(1);
                    assertThat(inPlace.asBoolean()).isFalse();
                }
                case "budget.xlsx" -> {
                    // Okapi does not round-trip spreadsheets here, whatever the media type looks like
                    assertThat(page).contains("data-translation=\"NEW_DOCX\"").doesNotContain("IN_PLACE");
                    assertThat(occurrences(page, note))
                            .as("note for a spreadsheet")
                            .isEqualTo(1);
                    assertThat(inPlace.isBoolean()).isTrue();
                    assertThat(inPlace.asBoolean()).isFalse();
                }
                default -> throw new AssertionError(item.name());
            }
        }
        // the listing says the same of each file as the document itself (read for the whole page at once)
        JsonNode listing = JsonMapper.builder().build().readTree(render("/api/documents?size=200", coordinator));
        for (IngestItem item : job.items()) {
            JsonNode one =
                    JsonMapper.builder().build().readTree(render("/api/documents/" + item.documentId(), coordinator));
            JsonNode listed = null;
            for (JsonNode entry : listing.get("items")) {
                if (entry.get("id").asString().equals(item.documentId().toString())) {
                    listed = entry;
                }
            }
            assertThat(listed).as("listed: " + item.name()).isNotNull();
            assertThat(listed.get("files")).as(item.name()).isEqualTo(one.get("files"));
        }
    }

    /** How many notes (alerts) speak of a new DOCX, whatever their wording; each must be the translation module's. */
    private static int occurrences(String page, String note) {
        var alerts = java.util.regex.Pattern.compile("<p class=\"alert\"[^>]*>([^<]*DOCX[^<]*)</p>")
                .matcher(page);
        int count = 0;
        while (alerts.find()) {
            assertThat(alerts.group(1).strip()).isEqualTo(note);
            count++;
        }
        return count;
    }

    private String render(String path, UserDetails who) throws Exception {
        var response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private static Upload upload(String name, byte[] bytes) {
        return new Upload(name, new ByteArrayInputStream(bytes));
    }

    /** A DOCX of its own: other tests of this shared data directory ingest the corpus's DOCX files too. */
    private static byte[] wordDocument() throws IOException {
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                var out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Annual report " + UUID.randomUUID());
            document.createParagraph().createRun().setText("The training centres received the manuals in March.");
            document.write(out);
            return out.toByteArray();
        }
    }

    /** The PDF with a comment after its end (readers ignore it), so it is new bytes, not a duplicate of another test's. */
    private static byte[] unique(byte[] pdf) {
        byte[] tail = ("\n%" + UUID.randomUUID() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(pdf, pdf.length + tail.length);
        System.arraycopy(tail, 0, bytes, pdf.length, tail.length);
        return bytes;
    }

    private static byte[] spreadsheet() throws IOException {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Budget " + UUID.randomUUID());
            sheet.createRow(0).createCell(0).setCellValue("Printing of the kit for the regional offices");
            sheet.createRow(1).createCell(0).setCellValue("Translation into Russian and Ukrainian");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private void awaitSegmentation(IngestItem item) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var file = segments.file(item.documentId(), item.sha256());
            if (file.isPresent() && file.get().state() != SegmentationState.PENDING) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(item.name() + " was not segmented within 90 s");
    }

    private JobProgress await(UUID id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JobProgress p = jobs.progress(id);
            if (p.finished()) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish");
    }

    private UserDetails person(String name, Role role) {
        if (users.findByUsername(name).isEmpty()) {
            users.create(new CreateAccount(name, null, "readiness-password-1", Set.of(role), Set.of(), "en"));
        }
        return accounts.loadUserByUsername(name);
    }

    private static Path corpus() {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        Path dir = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus"))
                .toAbsolutePath()
                .normalize();
        Environment.require(Files.isDirectory(dir), "The test corpus at " + dir);
        return dir;
    }
}
