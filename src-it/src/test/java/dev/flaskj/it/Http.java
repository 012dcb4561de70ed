package dev.flaskj.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A java.net.http client that does not follow redirects, so tests see 30x answers as they are. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {}

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The media type of a response without parameters or spaces, lower-case. */
    static String mimetype(HttpResponse<?> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The charset parameter of the Content-Type, lower-case, or "". */
    static String charset(HttpResponse<?> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        int i = ct.indexOf("charset=");
        return i < 0 ? "" : ct.substring(i + "charset=".length()).trim();
    }
}
