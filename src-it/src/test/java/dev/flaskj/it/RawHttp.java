package dev.flaskj.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection ({@code Connection: close} is the caller's to send):
 * the bytes go out exactly as written, so dot segments, repeated headers, a wrong {@code Host} and bodies shorter
 * than their {@code Content-Length} reach the container unchanged ({@code java.net.http} would normalise or
 * refuse them). Every read is bounded: connect and read timeouts, and at most {@link #MAX_BODY} bytes of body.
 */
final class RawHttp {
    static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_HEAD = 64 * 1024;

    private RawHttp() {}

    /** A response: status, headers (lower-case names, values in order), body. */
    record Result(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String brief() {
            String t = text().replaceAll("\\s+", " ");
            return status + " " + (t.length() > 160 ? t.substring(0, 160) + "…" : t);
        }
    }

    /**
     * Sends {@code head} (the request line and headers, ending with the blank line) and {@code body}, then half-closes
     * the connection when {@code halfClose} (so a server waiting for missing body bytes sees the end of the stream),
     * and reads the response. A failure to write the whole body (the server answered early and closed) is not an
     * error as long as a response can be read.
     */
    static Result exchange(int port, String head, byte[] body, boolean halfClose, int timeoutMillis)
            throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            IOException writeError = null;
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    for (int off = 0; off < body.length; off += 64 * 1024) {
                        out.write(body, off, Math.min(64 * 1024, body.length - off));
                    }
                }
                out.flush();
                if (halfClose) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                writeError = e;
            }
            try {
                return read(s.getInputStream());
            } catch (IOException e) {
                if (writeError != null) {
                    e.addSuppressed(writeError);
                }
                throw e;
            }
        }
    }

    private static Result read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the response head ended (" + headBytes.size()
                        + " bytes read)");
            }
            headBytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (headBytes.size() > MAX_HEAD) {
                throw new IOException("response head over " + MAX_HEAD + " bytes");
            }
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body;
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        if (te != null && te.get(te.size() - 1).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (cl != null) {
            long n = Long.parseLong(cl.get(0));
            if (n > MAX_BODY) {
                throw new IOException("response body of " + n + " bytes");
            }
            body = in.readNBytes((int) n);
            if (body.length < n) {
                throw new IOException("response body cut short: " + body.length + " of " + n + " bytes");
            }
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = readBounded(in);
        }
        return new Result(status, headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new IOException("chunked response body over " + MAX_BODY + " bytes");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new IOException("chunk cut short");
            }
            body.write(chunk);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0 || b.length() > 1024) {
                throw new IOException("bad chunk framing");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        if (b.length > MAX_BODY) {
            throw new IOException("response body over " + MAX_BODY + " bytes");
        }
        return b;
    }
}
