package dev.flaskj.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One visitor of a {@link TestServer}: a java.net.http client with its own cookie jar (so it keeps a session),
 * that does not follow redirects. Paths are below the server root, e.g. {@code /myapplication/login}.
 */
final class CookieClient {
    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    CookieClient(TestServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** POSTs an {@code application/x-www-form-urlencoded} form, fields in map order. */
    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** POSTs one file as {@code multipart/form-data}. */
    HttpResponse<String> upload(String path, String field, String filename, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----flaskj" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** This client's cookies as a {@code Cookie} request header value, for sending them to another server. */
    String cookieHeader() {
        StringJoiner header = new StringJoiner("; ");
        cookies.getCookieStore().getCookies().forEach(c -> header.add(c.getName() + "=" + c.getValue()));
        return header.toString();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    URI uri(String path) {
        return server.uri(path);
    }
}
