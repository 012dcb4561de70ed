package dev.flaskj.sessions;

import dev.flaskj.Config;
import dev.flaskj.Flask;
import dev.flaskj.Request;
import dev.flaskj.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How the app loads and saves sessions (Flask: {@code flask.sessions.SessionInterface}).
 *
 * <p>Two come with flaskj: {@link SecureCookieSessionInterface}, the default (a signed cookie that Flask itself can
 * read), and {@link HttpSessionInterface} (the servlet container's {@code HttpSession}), chosen with config
 * {@code SESSION_INTERFACE = "cookie" | "container"} or {@code app.setSessionInterface(...)}. To write your own,
 * override {@link #openSession} and {@link #saveSession}; the getters read Flask's {@code SESSION_COOKIE_*} config
 * and can be overridden one by one.
 */
public abstract class SessionInterface {
    /**
     * The session interface for a config {@code SESSION_INTERFACE} value: {@code "cookie"} (the default signed
     * cookie) or {@code "container"} (the servlet container's {@code HttpSession}).
     *
     * @throws IllegalStateException for any other value, naming the accepted ones
     */
    public static SessionInterface forKind(String kind) {
        return switch (kind) {
            case "cookie" -> new SecureCookieSessionInterface();
            case "container" -> new HttpSessionInterface();
            default -> throw new IllegalStateException("config SESSION_INTERFACE='" + kind
                    + "' is not one of 'cookie', 'container'");
        };
    }

    /**
     * Loads the request's session, or returns null when sessions cannot work (no secret key): the app then uses a
     * {@link NullSession}.
     */
    public abstract Session openSession(Flask app, Request request);

    /** Writes the session into the response (cookie, headers) or the store; runs after the after-request hooks. */
    public abstract void saveSession(Flask app, Session session, Request request, Response response);

    /**
     * Whether a request whose view never touched the session must still open and save it. The signed cookie says
     * yes when the request carries a session cookie and {@code SESSION_REFRESH_EACH_REQUEST} is on, so that a
     * permanent session's expiry moves forward; by default no, which keeps untouched requests free of session work.
     */
    public boolean shouldRefreshWithoutOpening(Flask app, Request request) {
        return false;
    }

    /**
     * Adds {@code Cookie} to the response's {@code Vary} header unless it (or {@code *}) is there already: a
     * response that read the session depends on the cookie, and caches must know.
     */
    protected static void addVaryCookie(Response response) {
        for (String v : response.headers().getList("Vary")) {
            for (String part : v.split(",")) {
                if (part.trim().equalsIgnoreCase("Cookie") || part.trim().equals("*")) {
                    return;
                }
            }
        }
        List<String> existing = response.headers().getList("Vary");
        if (existing.isEmpty()) {
            response.headers().set("Vary", "Cookie");
        } else {
            response.headers().set("Vary", String.join(", ", existing) + ", Cookie");
        }
    }

    /** The session used when {@link #openSession} returns null. */
    public Session makeNullSession(Flask app) {
        return new NullSession();
    }

    /** {@code SESSION_COOKIE_NAME}. */
    public String cookieName(Flask app) {
        return app.config().getString("SESSION_COOKIE_NAME", "session");
    }

    /** {@code SESSION_COOKIE_DOMAIN}, or null for a host-only cookie (Flask 3.x). */
    public String cookieDomain(Flask app) {
        return app.config().getString("SESSION_COOKIE_DOMAIN", null);
    }

    /**
     * {@code SESSION_COOKIE_PATH}, else {@code APPLICATION_ROOT} when set to something other than {@code /}, else the
     * context path (so two apps in one container keep their cookies apart), else {@code /}.
     */
    public String cookiePath(Flask app, Request request) {
        Config c = app.config();
        String path = c.getString("SESSION_COOKIE_PATH", null);
        if (path != null) {
            return path;
        }
        String root = c.getString("APPLICATION_ROOT", "/");
        if (!root.equals("/")) {
            return root;
        }
        String contextPath = request.scriptRoot();
        return contextPath.isEmpty() ? "/" : contextPath;
    }

    /** {@code SESSION_COOKIE_HTTPONLY}. */
    public boolean cookieHttpOnly(Flask app) {
        return app.config().getBoolean("SESSION_COOKIE_HTTPONLY", true);
    }

    /** {@code SESSION_COOKIE_SECURE}. */
    public boolean cookieSecure(Flask app) {
        return app.config().getBoolean("SESSION_COOKIE_SECURE", false);
    }

    /** {@code SESSION_COOKIE_SAMESITE}: {@code Lax}, {@code Strict}, {@code None} or null. */
    public String cookieSameSite(Flask app) {
        return app.config().getString("SESSION_COOKIE_SAMESITE", null);
    }

    /** {@code SESSION_COOKIE_PARTITIONED}. */
    public boolean cookiePartitioned(Flask app) {
        return app.config().getBoolean("SESSION_COOKIE_PARTITIONED", false);
    }

    /** {@code PERMANENT_SESSION_LIFETIME} (31 days by default). */
    public Duration lifetime(Flask app) {
        Duration d = app.config().getDuration("PERMANENT_SESSION_LIFETIME");
        return d == null ? Duration.ofDays(31) : d;
    }

    /** When a permanent session's cookie expires: now + lifetime; null for a browser-session cookie. */
    public Instant expirationTime(Flask app, Session session, Instant now) {
        return session.isPermanent() ? now.plus(lifetime(app)) : null;
    }

    /**
     * Whether to send the cookie: when modified, or for a permanent session when
     * {@code SESSION_REFRESH_EACH_REQUEST} (Flask: {@code should_set_cookie}).
     */
    public boolean shouldSetCookie(Flask app, Session session) {
        return session.isModified()
                || (session.isPermanent() && app.config().getBoolean("SESSION_REFRESH_EACH_REQUEST", true));
    }
}
