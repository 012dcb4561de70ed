package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.signing.TimedSerializer;
import dev.flaskj.sessions.SecureCookieSessionInterface;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret keys as they arrive at deployment: environment variables and context-params, read as JSON or text. */
class SecretKeyStartupTest {
    public static class App extends Flask {
        @Route("/user")
        String user() {
            return String.valueOf(session().get("user"));
        }
    }

    private static FlaskFilter init(Map<String, String> contextParams, Map<String, String> env)
            throws ServletException {
        FakeServletContext sc = new FakeServletContext("");
        contextParams.forEach(sc::setInitParameter);
        FlaskFilter filter = new FlaskFilter(null, env);
        filter.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "flask";
            }

            @Override
            public ServletContext getServletContext() {
                return sc;
            }

            @Override
            public String getInitParameter(String name) {
                return name.equals("app") ? App.class.getName() : null;
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(List.of("app"));
            }
        });
        return filter;
    }

    private static String userWithCookie(FlaskFilter filter, String cookie) throws Exception {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/user");
        req.setHeader("Cookie", "session=" + cookie);
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(req, res, (rq, rs) -> { });
        return res.getStatus() + " " + res.bodyText();
    }

    private static String forgedWithEmptyKey() {
        return new TimedSerializer(List.of(new byte[0]), SecureCookieSessionInterface.SALT)
                .dumps("{\"user\":\"admin\"}", System.currentTimeMillis() / 1000);
    }

    @Test
    void emptyFallbacksFromEnvironmentOrContextParamVerifyNothing() throws Exception {
        FlaskFilter fromEnv = init(Map.of(), Map.of("FLASK_SECRET_KEY", "k", "FLASK_SECRET_KEY_FALLBACKS", ""));
        assertEquals("", fromEnv.app().config().get("SECRET_KEY_FALLBACKS"));
        assertEquals("200 null", userWithCookie(fromEnv, forgedWithEmptyKey()));
        FlaskFilter fromParam = init(Map.of("SECRET_KEY", "k", "SECRET_KEY_FALLBACKS", ""), Map.of());
        assertEquals("200 null", userWithCookie(fromParam, forgedWithEmptyKey()));
        FlaskFilter jsonList = init(Map.of(), Map.of("FLASK_SECRET_KEY", "k", "FLASK_SECRET_KEY_FALLBACKS", "[\"\"]"));
        assertEquals("200 null", userWithCookie(jsonList, forgedWithEmptyKey()));
    }

    @Test
    void aSecretKeyThatParsesAsAnotherJsonTypeFailsDeployment() throws Exception {
        ServletException e = assertThrows(ServletException.class,
                () -> init(Map.of(), Map.of("FLASK_SECRET_KEY", "false")));
        assertTrue(e.getMessage().startsWith("flaskj: config SECRET_KEY must be a non-empty String or byte[], not"
                + " java.lang.Boolean. A value from the environment (FLASK_SECRET_KEY)"), e.getMessage());
        e = assertThrows(ServletException.class, () -> init(Map.of("SECRET_KEY", "123"), Map.of()));
        assertTrue(e.getMessage().contains("not java.lang.Integer"), e.getMessage());
        e = assertThrows(ServletException.class,
                () -> init(Map.of(), Map.of("FLASK_SECRET_KEY", "k", "FLASK_SECRET_KEY_FALLBACKS", "[\"old\", true]")));
        assertTrue(e.getMessage().contains("SECRET_KEY_FALLBACKS[1] must be"), e.getMessage());
        // A key written as a JSON string is a key.
        assertEquals("200 null", assertDoesNotThrowInit());
    }

    private static String assertDoesNotThrowInit() throws Exception {
        return userWithCookie(init(Map.of(), Map.of("FLASK_SECRET_KEY", "\"false\"")), forgedWithEmptyKey());
    }
}
