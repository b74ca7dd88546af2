package org.verso.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.verso.library.TooLargeException;
import org.verso.web.VersoProperties;

/**
 * Refuses API request bodies larger than {@code verso.max-json-body} with 413, whatever their framing: a declared
 * length over the limit is refused before anything is read; a body without one (chunked transfer encoding) is read
 * through a counter that stops at the limit, so that no more than the limit is ever read into memory. Multipart
 * uploads have their own, larger limit ({@code spring.servlet.multipart.*}).
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {
    private static final String CODE = "payload-too-large";

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
                            CODE,
                            "The request body has " + request.getContentLengthLong() + " bytes; at most " + limit
                                    + " are accepted."));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** The request with a body that refuses to be read past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counted(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts what is read and throws {@link TooLargeException} (413) at the first byte past the limit. */
    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new TooLargeException(
                        CODE,
                        "The request body has more than " + limit + " bytes; at most " + limit + " are accepted.");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
