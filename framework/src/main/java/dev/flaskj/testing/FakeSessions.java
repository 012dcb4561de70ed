package dev.flaskj.testing;

import jakarta.servlet.ServletContext;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The server side of container sessions for the fakes: the live {@link FakeHttpSession}s by id. Ids are 16 random
 * bytes in upper-case hex, like Tomcat's; invalidated and expired sessions are dropped when looked up.
 */
final class FakeSessions {
    /** The container's session cookie name. */
    static final String COOKIE = "JSESSIONID";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, FakeHttpSession> byId = new HashMap<>();

    /** The live session with {@code id}, or null. */
    FakeHttpSession find(String id) {
        if (id == null) {
            return null;
        }
        FakeHttpSession s = byId.get(id);
        if (s != null && !s.isValid()) {
            byId.remove(id);
            return null;
        }
        return s;
    }

    FakeHttpSession create(ServletContext context) {
        FakeHttpSession s = new FakeHttpSession(newId(), context);
        byId.put(s.getId(), s);
        return s;
    }

    /** Gives {@code session} a new id (the servlet {@code changeSessionId}); the old id no longer finds it. */
    String rotate(FakeHttpSession session) {
        byId.remove(session.getId());
        String id = newId();
        session.setId(id);
        byId.put(id, session);
        return id;
    }

    private String newId() {
        String id;
        do {
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            id = HexFormat.of().withUpperCase().formatHex(b);
        } while (byId.containsKey(id));
        return id;
    }

    /** The {@code Set-Cookie} value a container sends for a new or rotated id. */
    static String setCookie(String id, String contextPath) {
        return COOKIE + "=" + id + "; Path=" + (contextPath == null || contextPath.isEmpty() ? "/" : contextPath)
                + "; HttpOnly";
    }
}
