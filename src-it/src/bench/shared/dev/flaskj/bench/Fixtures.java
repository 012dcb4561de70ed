package dev.flaskj.bench;

import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.signing.BadSignatureException;
import dev.flaskj.signing.TimedSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the contexts share, so that they do the same work: data, the session codec, the blocking wait. Also compiled
 * into the Javalin peer (module src-it/javalin), which runs in its own JVM.
 */
public final class Fixtures {
    /** Extra dynamic routes registered in every context besides the measured ones. */
    public static final int EXTRA_ROUTES = 200;

    /** The page's variable; it contains markup so the escaping shows in the body check. */
    public static final String NAME = "<World>";

    public static final String SECRET_KEY = "bench-secret-key-that-is-long-enough-for-hmac";

    public static final Item ITEM = new Item(true, 42, "flaskj", List.of("a", "b", "c"));

    /** Flask's session cookie codec, for the raw and Spring contexts' hand-written equivalent. */
    public static final TimedSerializer SESSION_SERIALIZER = new TimedSerializer(
            List.of(SECRET_KEY.getBytes(StandardCharsets.UTF_8)), "cookie-session");
    public static final TaggedJson TAGGED_JSON = new TaggedJson(html -> html);
    public static final long SESSION_LIFETIME = Duration.ofDays(31).getSeconds();

    /** How long the {@code blocking} endpoint waits, standing for a database call. */
    public static final long BLOCK_MILLIS = 20;

    private Fixtures() {}

    /** The {@code blocking} endpoint's wait; an interrupt ends it early and is kept for the container. */
    public static void block() {
        try {
            Thread.sleep(BLOCK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session endpoint's work without a framework: verify and decode, count up, encode and sign. */
    public static String[] bumpCounter(String cookie) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> session = new LinkedHashMap<>();
        if (cookie != null && !cookie.isEmpty()) {
            try {
                Object data = TAGGED_JSON.loads(SESSION_SERIALIZER.loads(cookie, SESSION_LIFETIME, now));
                if (data instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> session.put(String.valueOf(k), v));
                }
            } catch (BadSignatureException | JsonDecodeException | RuntimeException e) {
                session.clear();
            }
        }
        int count = session.get("count") instanceof Number n ? n.intValue() + 1 : 1;
        session.put("count", count);
        String value = SESSION_SERIALIZER.dumps(TAGGED_JSON.dumps(session), now);
        return new String[] {value, "count=" + count};
    }

    /** Flask's Set-Cookie for a non-permanent session cookie. */
    public static String sessionSetCookie(String value, String contextPath) {
        return "session=" + value + "; HttpOnly; Path=" + (contextPath.isEmpty() ? "/" : contextPath);
    }
}
