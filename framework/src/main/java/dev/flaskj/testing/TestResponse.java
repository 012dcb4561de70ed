package dev.flaskj.testing;

import dev.flaskj.http.Headers;
import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the app answered to one {@link TestClient} request (Werkzeug: {@code werkzeug.test.TestResponse}).
 *
 * <pre>{@code
 * TestResponse r = client.get("/hello");
 * assertEquals(200, r.status());
 * assertEquals("text/html", r.mimetype());
 * assertEquals("Hello, World!", r.text());
 * }</pre>
 * Immutable. With {@code followRedirects}, {@link #history()} holds the redirect responses that led here.
 */
public final class TestResponse {
    private final int status;
    private final Headers headers;
    private final byte[] data;
    private final TestRequest request;
    private final List<TestResponse> history;
    private final JsonProvider json;
    private final String requestUrl;

    TestResponse(FakeHttpServletResponse raw, TestRequest request, String requestUrl, List<TestResponse> history,
                 JsonProvider json) {
        this.requestUrl = requestUrl;
        this.status = raw.getStatus();
        this.headers = raw.headers();
        this.data = raw.body();
        this.request = request;
        this.history = List.copyOf(history);
        this.json = json;
    }

    /** The status code (Werkzeug: {@code status_code}). */
    public int status() {
        return status;
    }

    /** The headers: case-insensitive, several values per name (a copy). */
    public Headers headers() {
        return headers.copy();
    }

    /** The first value of a header, or null when absent. */
    public String header(String name) {
        return headers.get(name, null);
    }

    /** The body bytes (a copy). */
    public byte[] data() {
        return data.clone();
    }

    /** The body as UTF-8 text (Werkzeug: {@code text}, {@code get_data(as_text=True)}). */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed by the app's JSON provider: {@code Map}, {@code List}, {@code String}, number,
     * {@code Boolean} or null (Werkzeug: {@code json}).
     *
     * @throws IllegalStateException when the response is not JSON, or does not parse; Werkzeug returns
     *     {@code None} for a non-JSON mimetype, flaskj fails loudly so a wrong assumption shows in the test
     */
    public Object json() {
        if (!isJson()) {
            throw new IllegalStateException("The response is not JSON: Content-Type is " + contentType()
                    + ", body: " + abbreviate(text()));
        }
        try {
            return json.loads(text());
        } catch (JsonDecodeException e) {
            throw new IllegalStateException("The response body is not valid JSON (" + e.getMessage() + "): "
                    + abbreviate(text()), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** Whether the mimetype is {@code application/json} or {@code application/*+json}. */
    public boolean isJson() {
        String m = mimetype();
        return m.equals("application/json") || (m.startsWith("application/") && m.endsWith("+json"));
    }

    /** The full {@code Content-Type}, or null. */
    public String contentType() {
        return header("Content-Type");
    }

    /** The content type without parameters, lower-case, or {@code ""} when there is none. */
    public String mimetype() {
        String ct = contentType();
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The {@code Location} header, or null. */
    public String location() {
        return header("Location");
    }

    /**
     * The cookies this response sets, name to decoded value, in header order; a deletion maps to {@code ""}.
     * The client's jar ({@link TestClient#getCookie}) is what later requests send.
     */
    public Map<String, String> cookies() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : headers.getList("Set-Cookie")) {
            SetCookieHeader parsed = SetCookieHeader.parse(h, "localhost", "/", Instant.now());
            out.put(parsed.cookie().name(), parsed.cookie().value());
        }
        return out;
    }

    /** The redirect responses followed before this one, oldest first; empty without {@code followRedirects}. */
    public List<TestResponse> history() {
        return history;
    }

    /** The request that produced this response: after redirects, the last one. */
    public TestRequest request() {
        return request;
    }

    /** The absolute URL the request went to, query included: the base for a relative {@code Location}. */
    String requestUrl() {
        return requestUrl;
    }

    @Override
    public String toString() {
        return "<TestResponse " + data.length + " bytes [" + status + "]>";
    }
}
