package org.verso.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the API, with HTTP Basic credentials when given. */
public final class Http {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final int port;
    private final String authorization;
    private final java.util.Map<String, String> headers;

    public Http(int port) {
        this(port, null, java.util.Map.of());
    }

    private Http(int port, String authorization, java.util.Map<String, String> headers) {
        this.port = port;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same client sending one more header with every request. */
    public Http with(String name, String value) {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(port, authorization, java.util.Map.copyOf(more));
    }

    public Http as(String username, String password) {
        return new Http(port, basic(username, password), headers);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response send(String method, String path, String contentType, String body) {
        var builder = builder(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        var builder = builder(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        builder.header("Content-Type", contentType);
        return send(builder);
    }

    public Response postJson(String path, Object body) {
        return send("POST", path, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    public Response patchJson(String path, Object body) {
        return send("PATCH", path, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    /** Sends a request built by the caller (headers of its own, a form body) and reads the answer as text. */
    public static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request built by the caller and reads the answer as bytes (a download). */
    public static HttpResponse<byte[]> exchangeBytes(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of an HTTP Basic {@code Authorization} header. */
    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpRequest.Builder builder(String path) {
        var builder = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back. */
    public record Response(int status, String contentType, String body, String challenge) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The problem type's code, as in {@code urn:verso:problem:<code>}. */
        public String problemCode() {
            String type = json().path("type").asString();
            return type.startsWith("urn:verso:problem:") ? type.substring("urn:verso:problem:".length()) : type;
        }
    }
}
