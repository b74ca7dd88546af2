package org.verso.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
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
    // looked up on the first request, so that a bad setting is reported by the binder at start-up, not hidden
    // inside the web server's start
    private final ObjectProvider<VersoProperties> properties;

    JsonBodyLimit(ObjectProvider<VersoProperties> properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !Problems.isApi(request) || (type != null && type.startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.getObject().maxJsonBody().toBytes();
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
