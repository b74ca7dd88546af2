package org.verso.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verso.web.testing.Http;
import org.verso.web.testing.RawHttp;
import org.verso.web.testing.RawHttp.Answer;
import org.verso.web.testing.WebTest;

/**
 * What the servlet container refuses or frames itself, sent over a real socket: every refusal is a 4xx problem detail
 * (or a page for a browser), never Tomcat's HTML page, never a 500, and a body limit holds whatever the framing.
 */
class ContainerRefusalsTest extends WebTest {
    private static final String COORDINATOR = "refusals-coordinator";

    Http coordinator;

    @BeforeEach
    void account() {
        coordinator = Accounts.create(admin(), COORDINATOR, List.of("COORDINATOR"));
    }

    private Answer get(String target, String... headers) {
        String head = "GET " + target + " HTTP/1.1\nHost: localhost\n" + RawHttp.basic("admin", ADMIN_PASSWORD)
                + "\nConnection: close" + (headers.length == 0 ? "" : "\n" + String.join("\n", headers));
        return RawHttp.exchange(port, head, new byte[0]);
    }

    @Test
    void aQueryStringOver8kBAnswersAProblemDetail() {
        assertContainerProblem(get("/api/search?q=" + "a".repeat(9000), "Accept: application/json"));
    }

    @Test
    void aNulInThePathAnswersAProblemDetail() {
        assertContainerProblem(get("/api/documents/%00", "Accept: application/json"));
    }

    @Test
    void anEncodedSlashInThePathAnswersAProblemDetail() {
        assertContainerProblem(get("/api/documents/a%2Fb", "Accept: application/json"));
    }

    @Test
    void aRefusedPageAddressAnswersAPageInTheBrowsersLanguage() {
        Answer answer = get("/documents/a%2Fb", "Accept: text/html,application/xhtml+xml", "Accept-Language: ru-RU,ru");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body())
                .contains("Запрос отклонён")
                .doesNotContain("Tomcat")
                .doesNotContain("HTTP Status");
    }

    @Test
    void aMultipartBodyWithoutBoundaryAnswers400() {
        assertRefusedUpload("multipart/form-data", "--x\r\n\r\nhello\r\n--x--\r\n", "no boundary");
    }

    @Test
    void aTruncatedMultipartBodyAnswers400() {
        assertRefusedUpload(
                "multipart/form-data; boundary=XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nhello",
                "closing boundary");
    }

    @Test
    void aNulInAnUploadedFileNameAnswers400() {
        assertRefusedUpload(
                "multipart/form-data; boundary=XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\u0000b.txt\"\r\n\r\nhello\r\n"
                        + "--XYZ--\r\n",
                "NUL");
    }

    @Test
    void aFiveThousandCharacterFileNameOnASmallUploadIsTakenNotRefusedAsTooLarge() {
        String name = "n".repeat(5000) + ".txt";

        Answer answer = upload(
                "multipart/form-data; boundary=XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name + "\"\r\n\r\n"
                        + "forty bytes of text, no more, no less...\r\n--XYZ--\r\n");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"fileName\":\"nnnn");
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedWith413() {
        Sent sent = sendChunkedJson(5 * 1024 * 1024);

        assertThat(sent.answer().status()).as(sent.answer().head()).isEqualTo(413);
        assertThat(sent.answer().body()).contains("urn:verso:problem:payload-too-large");
        assertThat(sent.answer().header("Connection")).isEqualTo("close");
    }

    @Test
    void aHugeChunkedJsonBodyIsCutOffNotReadToTheEnd() {
        long size = 64L * 1024 * 1024;

        Sent sent = sendChunkedJson(size);

        assertThat(sent.answer().status()).as(sent.answer().head()).isEqualTo(413);
        assertThat(sent.failed())
                .as("the server closed the connection while the body was still coming")
                .isTrue();
        assertThat(sent.bytes()).isLessThan(size);
    }

    private record Sent(Answer answer, long bytes, boolean failed) {}

    /** A JSON body of about {@code size} bytes in 64 kB chunks, sent while the answer is read. */
    private Sent sendChunkedJson(long size) {
        try (RawHttp http = RawHttp.connect(port)) {
            http.send("POST /api/admin/users HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.basic("admin", ADMIN_PASSWORD)
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            AtomicLong bytes = new AtomicLong();
            CompletableFuture<Boolean> sending = CompletableFuture.supplyAsync(() -> {
                try {
                    http.send(chunk("{\"username\": \"".getBytes(StandardCharsets.UTF_8)));
                    byte[] piece = chunk("x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII));
                    while (bytes.get() < size) {
                        http.send(piece);
                        bytes.addAndGet(64 * 1024);
                    }
                    http.send(chunk("\"}".getBytes(StandardCharsets.US_ASCII)));
                    http.send("0\r\n\r\n");
                    return false;
                } catch (UncheckedIOException e) {
                    return true; // the server cut the connection
                }
            });
            Answer answer = http.answerUntilClosed();
            http.close(); // a sender still writing into a full buffer stops here
            return new Sent(answer, bytes.get(), sending.join());
        }
    }

    private static byte[] chunk(byte[] data) {
        var out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private Answer upload(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/ingest/uploads HTTP/1.1\nHost: localhost\n"
                + RawHttp.basic(COORDINATOR, Accounts.PASSWORD) + "\nAccept: application/json\nConnection: close"
                + "\nContent-Type: " + contentType + "\nContent-Length: " + bytes.length;
        return RawHttp.exchange(port, head, bytes);
    }

    private void assertRefusedUpload(String contentType, String body, String saying) {
        List<String> jobsBefore = jobIds();

        Answer answer = upload(contentType, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body())
                .contains("urn:verso:problem:invalid-multipart")
                .contains(saying);
        assertThat(jobIds()).isEqualTo(jobsBefore); // no job was started
    }

    private List<String> jobIds() {
        List<String> ids = new java.util.ArrayList<>();
        coordinator
                .get("/api/ingest/jobs")
                .json()
                .forEach(job -> ids.add(job.path("id").asString()));
        return ids;
    }

    private static void assertContainerProblem(Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body())
                .contains("\"type\":\"urn:verso:problem:bad-request\"")
                .contains("\"status\":400")
                .doesNotContain("Tomcat")
                .doesNotContain("<html");
    }
}
