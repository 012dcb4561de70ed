package dev.flaskj.sessions;

import dev.flaskj.Flask;
import dev.flaskj.Markup;
import dev.flaskj.Request;
import dev.flaskj.Response;
import dev.flaskj.http.SetCookie;
import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.signing.BadSignatureException;
import dev.flaskj.signing.TimedSerializer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The default session: a signed cookie, byte-compatible with Flask's (Flask: {@code SecureCookieSessionInterface}).
 *
 * <p>The cookie is itsdangerous' {@code URLSafeTimedSerializer} format with salt {@code cookie-session}, HMAC-SHA1
 * key derivation and Flask's tagged JSON, so a Flask app in Python and a flaskj app that share {@code SECRET_KEY}
 * read each other's sessions. It is signed, not encrypted: users can read it, not change it. Signed with
 * {@code SECRET_KEY}; cookies signed with one of {@code SECRET_KEY_FALLBACKS} are accepted too (only non-empty
 * string and byte-array keys count, see {@link SigningKeys}). A tampered,
 * truncated, expired (older than {@code PERMANENT_SESSION_LIFETIME}, also for non-permanent sessions, as Flask) or
 * foreign cookie gives an empty session, never an error.
 */
public class SecureCookieSessionInterface extends SessionInterface {
    /** The salt Flask signs session cookies with. */
    public static final String SALT = "cookie-session";

    private static final Logger LOG = Logger.getLogger(SecureCookieSessionInterface.class.getName());

    private final Clock clock;
    private final TaggedJson taggedJson;
    private volatile Keyed cache;

    private record Keyed(List<byte[]> keys, TimedSerializer serializer) {}

    /** With the system clock. */
    public SecureCookieSessionInterface() {
        this(Clock.systemUTC(), Markup::new);
    }

    /** With a clock (tests pin the timestamp) and a factory for Markup values read from ` m` tags. */
    public SecureCookieSessionInterface(Clock clock, Function<String, Object> markupFactory) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.taggedJson = new TaggedJson(markupFactory);
    }

    /**
     * The serializer for the app's current keys, or null without a secret key; rebuilt when keys change. Which
     * keys count is {@link SigningKeys}'s rule: only non-empty strings and byte arrays, so an empty
     * {@code SECRET_KEY_FALLBACKS} (or an empty entry in it) never verifies anything.
     *
     * @throws IllegalStateException when {@code SECRET_KEY} or {@code SECRET_KEY_FALLBACKS} has an unusable type
     */
    protected TimedSerializer serializer(Flask app) {
        // Read on every request: config may change between requests, and a fallback list changed in place (a key
        // revoked by removing it) must take effect, so the cache is keyed by the key bytes, not the config objects.
        List<byte[]> keys = SigningKeys.fromConfig(app.config());
        if (keys.isEmpty()) {
            return null;
        }
        Keyed k = cache;
        if (k == null || !sameKeys(k.keys(), keys)) {
            k = new Keyed(keys, new TimedSerializer(keys, SALT));
            cache = k;
        }
        return k.serializer();
    }

    private static boolean sameKeys(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A request with a session cookie refreshes it when {@code SESSION_REFRESH_EACH_REQUEST} is on (the default). */
    @Override
    public boolean shouldRefreshWithoutOpening(Flask app, Request request) {
        return app.config().getBoolean("SESSION_REFRESH_EACH_REQUEST", true)
                && request.cookies().containsKey(cookieName(app));
    }

    @Override
    public Session openSession(Flask app, Request request) {
        TimedSerializer serializer = serializer(app);
        if (serializer == null) {
            return null;
        }
        String value = request.cookies().get(cookieName(app), null);
        if (value == null || value.isEmpty()) {
            return new Session();
        }
        try {
            String json = serializer.loads(value, lifetime(app).getSeconds(), clock.instant().getEpochSecond());
            Object data = taggedJson.loads(json);
            if (data instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) map;
                return new Session(m, false);
            }
        } catch (BadSignatureException | JsonDecodeException | RuntimeException e) {
            // The one deliberate swallow: a bad, expired or foreign cookie is an empty session (Flask does the same).
            LOG.log(Level.FINE, "ignoring an invalid session cookie", e);
        }
        return new Session();
    }

    @Override
    public void saveSession(Flask app, Session session, Request request, Response response) {
        String name = cookieName(app);
        String domain = cookieDomain(app);
        String path = cookiePath(app, request);
        boolean secure = cookieSecure(app);
        boolean httpOnly = cookieHttpOnly(app);
        String sameSite = cookieSameSite(app);
        boolean partitioned = cookiePartitioned(app);
        if (session.isAccessed()) {
            addVaryCookie(response);
        }
        if (session.isEmptyUntracked()) {
            if (session.isModified()) {
                response.setCookie(SetCookie.delete(name, path, domain, secure, httpOnly, sameSite, partitioned));
                addVaryCookie(response);
            }
            return;
        }
        if (!shouldSetCookie(app, session)) {
            return;
        }
        TimedSerializer serializer = serializer(app);
        if (serializer == null) {
            return;
        }
        Instant now = clock.instant();
        String value = serializer.dumps(taggedJson.dumps(session.snapshot()), now.getEpochSecond());
        SetCookie cookie = new SetCookie(name, value, null, expirationTime(app, session, now), path, domain, secure,
                httpOnly, sameSite, partitioned);
        String header = cookie.headerValue(now); // rendered once: for the response and for the size check
        response.headers().add("Set-Cookie", header);
        addVaryCookie(response);
        cookie.sizeWarning(header, (int) app.config().getLong("MAX_COOKIE_SIZE", 4093))
                .ifPresent(app.logger()::warning);
    }
}
