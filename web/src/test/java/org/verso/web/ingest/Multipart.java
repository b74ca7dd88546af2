package org.verso.web.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.verso.web.testing.Http;

/** Sends real multipart uploads (and raw downloads) to the running application with HTTP Basic credentials. */
final class Multipart {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Multipart() {}

    static HttpResponse<String> upload(
            int port, String user, String password, Map<String, byte[]> files, String documentId) {
        String boundary = "verso-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        try {
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                                + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            if (documentId != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentId\"\r\n\r\n"
                                + documentId + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ingest/uploads"))
                    .header("Authorization", basic(user, password))
                    .header("Accept", "application/json")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            return Http.exchange(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<byte[]> download(int port, String user, String password, String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", basic(user, password))
                    .GET()
                    .build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return Http.basic(user, password);
    }
}
