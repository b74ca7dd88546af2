package org.verso.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.verso.distribution.IdempotencyKeyReused;
import org.verso.library.ConflictException;
import org.verso.library.DomainException;
import org.verso.library.ForbiddenOperationException;
import org.verso.library.NotFoundException;
import org.verso.library.TooLargeException;
import org.verso.library.UnsupportedTypeException;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details with stable types: {@code urn:verso:problem:<code>}. The code of a domain exception, or
 * the generic code of an HTTP status, names the type; clients may rely on it.
 */
public final class Problems {
    public static final String TYPE_PREFIX = "urn:verso:problem:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** A problem of the given status whose type is {@code code}. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }

    /** The problem as an answer: its status, {@code application/problem+json}, the problem as the body. */
    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The status a domain refusal answers with: one per family. */
    public static HttpStatus statusOf(DomainException e) {
        if (e instanceof IdempotencyKeyReused) {
            return HttpStatus.UNPROCESSABLE_CONTENT; // well-formed, but not under this key
        }
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof ForbiddenOperationException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof TooLargeException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (e instanceof UnsupportedTypeException) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code);
    }

    /** The generic code of a status, used when no domain code is more specific. */
    public static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status.value();
        };
    }

    /** Whether a request belongs to the machine interface, whose errors are always problem details. */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/");
    }

    /** Writes a problem straight to the response, for filters that answer before any controller runs. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
