package dev.flaskj.routing;

import java.util.Objects;

/**
 * Where built URLs point: scheme, host and script root of the current request (or of the configuration outside a
 * request).
 *
 * <p>Werkzeug: the {@code url_scheme}, {@code server_name} and {@code script_name} a {@code MapAdapter} is bound to.
 * <pre>{@code
 * new UrlContext("https", "example.org:8443", "/app")
 * }</pre>
 *
 * @param scheme     {@code http} or {@code https} (Werkzeug maps anything other than https/wss to http); may be
 *                   empty for protocol-relative external URLs
 * @param host       host name, with {@code :port} when not the default
 * @param scriptRoot the application's mount point, {@code ""} or like {@code /myapplication} (a trailing slash is
 *                   ignored)
 */
public record UrlContext(String scheme, String host, String scriptRoot) {
    /** Checks that no component is null. */
    public UrlContext {
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(scriptRoot, "scriptRoot == null");
    }
}
