package org.verso.bench.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client on one kept-alive loopback connection, for load generation: the clients share the cores
 * with the server they measure, so each call should cost them as little as it can (the JDK's {@code HttpClient}, with
 * its selector thread and futures, spent about 0.5 ms of CPU per call here). Reads {@code Content-Length} and chunked
 * bodies; reconnects when the server closes the connection. Not thread-safe: one per client thread.
 */
public final class LeanHttp implements AutoCloseable {
    private final int port;
    private final String fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];

    /** @param headers extra request headers, each ending in CRLF (a session cookie or an Authorization) */
    public LeanHttp(int port, String headers) {
        this.port = port;
        this.fixedHeaders = "Host: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n" + headers + "\r\n";
    }

    /** GETs a path; fails on anything but 200. Returns the body's length in bytes. */
    public long get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    /** PUTs a body to a path; fails on anything but 200. Returns the answer's length in bytes. */
    public long put(String path, String contentType, byte[] body) throws IOException {
        return send("PUT", path, contentType, body);
    }

    private long send(String method, String path, String contentType, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, path, contentType, body);
        } catch (IOException e) {
            disconnect();
            if (!reused) {
                throw e;
            }
            // the server closed the kept-alive connection between two requests
            return exchange(method, path, contentType, body);
        }
    }

    private long exchange(String method, String path, String contentType, byte[] requestBody) throws IOException {
        boolean fresh = socket == null;
        if (fresh) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        }
        String head = requestBody == null
                ? method + " " + path + " HTTP/1.1\r\n" + fixedHeaders
                : method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                        + requestBody.length + "\r\n" + fixedHeaders;
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (requestBody != null) {
            out.write(requestBody);
        }
        out.flush();
        String status = readLine();
        if (status == null) {
            if (fresh) {
                throw new IOException("the server closed a new connection");
            }
            throw new IOException("the server closed the connection");
        }
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header; (header = readLine()) != null && !header.isEmpty(); ) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        long body = 0;
        if (chunked) {
            for (long size; (size = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0; ) {
                skip(size);
                body += size;
                readLine();
            }
            for (String trailer; (trailer = readLine()) != null && !trailer.isEmpty(); ) {
                // trailers: none expected
            }
        } else if (length >= 0) {
            skip(length);
            body = length;
        }
        if (close) {
            disconnect();
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException(method + " " + path + " answered " + status);
        }
        return body;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the body ended early");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private String readLine() throws IOException {
        int n = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("a header line longer than " + line.length + " bytes");
            }
            line[n++] = (byte) b;
        }
        return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    private void disconnect() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
