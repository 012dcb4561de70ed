package dev.flaskj.testing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TestClient} puts into every request it sends, unless the request sets it itself (Flask:
 * {@code client.environ_base}); get the client's from {@link TestClient#defaults()}.
 * <pre>{@code
 * TestClient client = app.testClient();
 * client.defaults().remoteAddr("203.0.113.9").header("User-Agent", "pytest").bearer("s3cret");
 * client.get("/api/me");                                          // from 203.0.113.9, with the token
 * client.get("/api/me", r -> r.remoteAddr("10.0.0.1").basicAuth("ann", "pw"));   // the request's own win
 * }</pre>
 * A request's own {@link TestRequest#remoteAddr}, {@link TestRequest#header}, {@link TestRequest#basicAuth} or
 * {@link TestRequest#bearer} replaces the default of the same name; a default header replaces the client's
 * built-in one ({@code User-Agent}). The defaults also apply to the requests that follow redirects. Mutable;
 * each method returns this.
 */
public final class RequestDefaults {
    private String remoteAddr;
    private final Map<String, Map.Entry<String, String>> headers = new LinkedHashMap<>(); // by lower-case name

    RequestDefaults() {}

    /** The client address every request comes from (default {@code 127.0.0.1}), as {@code request().remoteAddr()}. */
    public RequestDefaults remoteAddr(String remoteAddr) {
        this.remoteAddr = Objects.requireNonNull(remoteAddr, "remoteAddr == null");
        return this;
    }

    /** A header every request carries; replaces an earlier default of the same name (case-insensitive). */
    public RequestDefaults header(String name, String value) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        headers.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
        return this;
    }

    /** Removes the default header {@code name}, if any. */
    public RequestDefaults removeHeader(String name) {
        headers.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** {@code Authorization: Basic ...} on every request; see {@link TestRequest#basicAuth}. */
    public RequestDefaults basicAuth(String user, String password) {
        return header("Authorization", AuthHeaders.basic(user, password));
    }

    /** {@code Authorization: Bearer token} on every request; see {@link TestRequest#bearer}. */
    public RequestDefaults bearer(String token) {
        return header("Authorization", AuthHeaders.bearer(token));
    }

    /** Forgets every default. */
    public RequestDefaults clear() {
        remoteAddr = null;
        headers.clear();
        return this;
    }

    /** Applied before the request's own settings, so that those replace these. */
    void applyTo(FakeHttpServletRequest req) {
        if (remoteAddr != null) {
            req.setRemoteAddr(remoteAddr);
        }
        for (Map.Entry<String, String> h : headers.values()) {
            req.setHeader(h.getKey(), h.getValue());
        }
    }

    @Override
    public String toString() {
        return "<RequestDefaults remoteAddr=" + remoteAddr + " headers=" + headers.keySet() + ">";
    }
}
