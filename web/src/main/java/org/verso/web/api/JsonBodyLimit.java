package org.verso.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.verso.web.VersoProperties;

/**
 * Refuses API request bodies larger than {@code verso.max-json-body} with 413 before they are read. Multipart
 * uploads have their own, larger limit ({@code spring.servlet.multipart.*}).
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {
    private final long limit;

    JsonBodyLimit(VersoProperties properties) {
        this.limit = properties.maxJsonBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !Problems.isApi(request) || (type != null && type.startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            Problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "payload-too-large",
                            "The request body has " + request.getContentLengthLong() + " bytes; at most " + limit
                                    + " are accepted."));
            return;
        }
        chain.doFilter(request, response);
    }
}
