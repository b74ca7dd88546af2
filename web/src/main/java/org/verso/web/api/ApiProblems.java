package org.verso.web.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.verso.accounts.InvalidAccountInput;
import org.verso.library.DomainException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become answers. On the API ({@code /api/**}) every error is an RFC 9457 problem
 * detail with a stable type; for pages the servlet container's error page takes over. No stack trace ever reaches a
 * client; unexpected failures are logged with an id that the answer repeats.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, NativeWebRequest request) throws IOException {
        HttpStatus status = Problems.statusOf(e);
        ProblemDetail problem = Problems.of(status, e.code(), e.getMessage());
        if (e instanceof InvalidAccountInput invalid) {
            problem.setProperty("field", invalid.field());
        }
        e.properties().forEach(problem::setProperty);
        // the title in the reader's language when the problem's code has one (i18n "problem.<code>")
        String title = messages.getMessage("problem." + e.code(), null, null, LocaleContextHolder.getLocale());
        if (title != null) {
            problem.setTitle(title);
        }
        return answer(problem, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, NativeWebRequest request) throws Exception {
        if (!isApi(request)) {
            throw e; // pages: Spring Security's own handling (sign-in page or 403 page)
        }
        return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, NativeWebRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return answer(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first."), request);
    }

    /** A multipart body that cannot be read (no boundary, cut short, a NUL in a file name); too large ones are 413. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, NativeWebRequest request) throws IOException {
        return answer(
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "invalid-multipart",
                        "The upload is not a readable multipart/form-data body: " + multipartFault(e) + "."),
                request);
    }

    private static String multipartFault(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage());
            if (name.equals("InvalidFileNameException")) {
                return "a file name holds a NUL character";
            }
            if (message.contains("no multipart boundary")) {
                return "its Content-Type names no boundary";
            }
            if (name.equals("MalformedStreamException") || message.contains("Stream ended unexpectedly")) {
                return "the body ends before its closing boundary or is malformed";
            }
        }
        return "it is malformed";
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, NativeWebRequest request) throws IOException {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on our side. It was logged as incident " + incident + ".");
        problem.setProperty("incident", incident);
        return answer(problem, request);
    }

    /** A command record refused its own construction while the body was read: answer as that domain refusal. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                try {
                    return domain(domain, (NativeWebRequest) request);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        ProblemDetail problem;
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "The request body has a field this request does not take: " + unknown.getPropertyName()
                            + (unknown.getKnownPropertyIds() == null
                                    ? "."
                                    : "; known are " + unknown.getKnownPropertyIds() + "."));
            problem.setProperty("field", unknown.getPropertyName());
        } else {
            problem =
                    Problems.of(status, "bad-request", "The request body is not readable JSON of the expected shape.");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .toList();
        ProblemDetail problem = Problems.of(status, "invalid-input", String.join("; ", errors));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Every answer built by Spring's own handling passes here: give it our type, or hand pages to the container. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!isApi(request)) {
            return sendError(request, status.value());
        }
        ProblemDetail problem;
        if (body instanceof ProblemDetail given) {
            problem = given;
        } else if (ex instanceof ErrorResponse error) {
            problem = error.getBody();
        } else {
            problem = Problems.of(status, Problems.codeOf(status), ex.getMessage());
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type(Problems.codeOf(status)));
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem, NativeWebRequest request) throws IOException {
        if (!isApi(request)) {
            return sendError(request, problem.getStatus());
        }
        return Problems.response(problem);
    }

    /** Lets the container render its error page; returning no body marks the exception as handled. */
    private static ResponseEntity<Object> sendError(WebRequest request, int status) {
        HttpServletResponse response = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status);
            }
        } catch (IOException e) {
            log.debug("Could not send error {}", status, e);
        }
        return null;
    }

    private static boolean isApi(WebRequest request) {
        var servlet = ((NativeWebRequest) request).getNativeRequest(jakarta.servlet.http.HttpServletRequest.class);
        return servlet != null && Problems.isApi(servlet);
    }
}
