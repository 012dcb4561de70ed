package dev.flaskj.testing;

import java.net.URI;
import java.util.Set;

/**
 * Where the test client goes after a redirect (Werkzeug: {@code Client.resolve_redirect}): 301/302/303 become a
 * GET without body (HEAD stays HEAD), 307/308 keep method and body; a Location on another host is not followed.
 */
final class Redirects {
    static final Set<Integer> CODES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {}

    /** The next request, or null when the redirect is not followed (another host, or an unusable Location). */
    static TestRequest next(TestRequest current, TestResponse response, BaseUrl base) {
        URI target;
        try {
            target = URI.create(response.requestUrl()).resolve(response.location().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (target.getHost() == null || !target.getHost().equalsIgnoreCase(base.serverName())) {
            return null; // following external redirects is not supported, as in Werkzeug
        }
        String rawPath = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String ctx = base.contextPath();
        boolean underContext = !ctx.isEmpty() && (rawPath.equals(ctx) || rawPath.startsWith(ctx + "/"));
        String path = underContext ? rawPath.substring(ctx.length()) : rawPath;
        String newBase = target.getScheme() + "://" + target.getRawAuthority() + (underContext ? ctx : "");
        String query = target.getRawQuery();
        boolean keepBody = response.status() == 307 || response.status() == 308;
        String method = keepBody || current.method().equals("HEAD") ? current.method() : "GET";
        return current.redirected(method, (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query),
                newBase, keepBody);
    }
}
