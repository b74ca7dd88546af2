package org.verso.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte by byte on a socket, for what a well-behaved client library refuses to send or would frame
 * itself: malformed paths, oversized request lines, chunked bodies sent piece by piece. One request per connection.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(60_000); // a guard against a server that never answers, not a measurement
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public static RawHttp connect(int port) {
        try {
            return new RawHttp(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one whole request: the head (request line and headers, lines without their CRLF) and a body. */
    public static Answer exchange(int port, String head, byte[] body) {
        try (RawHttp http = connect(port)) {
            http.send(head.replace("\n", "\r\n") + "\r\n\r\n");
            http.send(body);
            return http.answer();
        }
    }

    /** An {@code Authorization} header line with HTTP Basic credentials. */
    public static String basic(String user, String password) {
        return "Authorization: " + Http.basic(user, password);
    }

    public void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what the server sends until it closes the connection, also when it resets it: for answers given while the
     * request was still being sent.
     */
    public Answer answerUntilClosed() {
        var all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // reset by the server after it answered: what arrived before is the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end + 2);
        int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        return new Answer(status, head, end < 0 ? "" : text.substring(end + 4));
    }

    /** Reads the answer until the server closes the connection or the declared length is read. */
    public Answer answer() {
        try {
            var head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.size() >= 4
                        && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            String[] lines = headText.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] body = chunked ? dechunk() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
            return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] dechunk() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            var size = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (n == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What came back: the status, the head as sent (status line and headers) and the body. */
    public record Answer(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }
}
