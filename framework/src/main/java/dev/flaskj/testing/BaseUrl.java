package dev.flaskj.testing;

import dev.flaskj.Config;
import java.net.URI;
import java.util.Locale;

/**
 * Where a test request is sent: scheme, host, port and context path (Werkzeug: {@code EnvironBuilder.base_url}).
 *
 * @param authority the {@code Host} header: the host, with the port when it is not the scheme's default
 */
record BaseUrl(String scheme, String serverName, int port, String authority, String contextPath) {
    static final BaseUrl LOCALHOST = parse("http://localhost/");

    /** Parses {@code https://example.com:8443/myapplication}; a trailing slash on the path is dropped. */
    static BaseUrl parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base URL: '" + url + "'", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("a base URL needs a scheme and a host, like"
                    + " 'https://example.com:8443/myapplication'; got '" + url + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String authority = uri.getHost() + (port == defaultPort ? "" : ":" + port);
        return new BaseUrl(scheme, uri.getHost(), port, authority, normalizeContextPath(uri.getRawPath()));
    }

    /**
     * Flask's default for test requests: {@code PREFERRED_URL_SCHEME://SERVER_NAME/APPLICATION_ROOT}, with
     * {@code localhost} when {@code SERVER_NAME} is not set (Flask: {@code flask.testing.EnvironBuilder}).
     */
    static BaseUrl fromConfig(Config config) {
        String host = config.getString("SERVER_NAME", null);
        String root = config.getString("APPLICATION_ROOT", "/");
        String scheme = config.getString("PREFERRED_URL_SCHEME", "http");
        return parse(scheme + "://" + (host == null || host.isEmpty() ? "localhost" : host) + "/"
                + (root.startsWith("/") ? root.substring(1) : root));
    }

    /** {@code ""}, or the path with one leading slash and no trailing slash. */
    static String normalizeContextPath(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    BaseUrl withContextPath(String path) {
        return new BaseUrl(scheme, serverName, port, authority, normalizeContextPath(path));
    }

    /** {@code scheme://authority}, without the context path. */
    String origin() {
        return scheme + "://" + authority;
    }

    @Override
    public String toString() {
        return origin() + contextPath + "/";
    }
}
