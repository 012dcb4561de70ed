package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.FakeFilterChain;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** App loading, config layering and pass-through of the servlet filter. */
class FlaskFilterTest {
    public static class Hello extends Flask {
        @Route("/")
        String index() {
            return "hello " + config().get("GREETING");
        }
    }

    public static final class Factory {
        public static Flask createApp() {
            Flask app = new Flask("factory");
            app.addUrlRule("/", "index", args -> "from factory");
            return app;
        }
    }

    public static class Throws extends Flask {
        public Throws() {
            throw new IllegalStateException("database not configured");
        }
    }

    private static FilterConfig config(Map<String, String> initParams, ServletContext sc) {
        return new FilterConfig() {
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
                return initParams.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(initParams.keySet());
            }
        };
    }

    private static FlaskFilter init(Map<String, String> initParams, Map<String, String> env) throws ServletException {
        FakeServletContext sc = new FakeServletContext("/myapplication");
        FlaskFilter filter = new FlaskFilter(null, env);
        filter.init(config(initParams, sc));
        return filter;
    }

    private static String get(FlaskFilter filter, String path, FakeFilterChain chain) throws Exception {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication" + path);
        req.setContextPath("/myapplication");
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(req, res, chain);
        return res.getStatus() + " " + res.bodyText();
    }

    @Test
    void appFromInitParamWithConfigFromInitParamsAndEnvironment() throws Exception {
        FlaskFilter filter = init(Map.of("app", Hello.class.getName(), "GREETING", "\"hi\""),
                Map.of("FLASK_SECRET_KEY", "k"));
        assertEquals("200 hello hi", get(filter, "/", new FakeFilterChain()));
        assertEquals("k", filter.app().config().get("SECRET_KEY"));
    }

    @Test
    void appFromFactoryAndFromEnvironment() throws Exception {
        assertEquals("200 from factory", get(init(Map.of(), Map.of("FLASK_APP", Factory.class.getName())), "/",
                new FakeFilterChain()));
    }

    @Test
    void programmaticFilterServesTheGivenApp() throws Exception {
        Flask app = Factory.createApp();
        FlaskFilter filter = new FlaskFilter(app);
        filter.init(config(Map.of(), new FakeServletContext("/myapplication")));
        assertSame(app, filter.app());
        assertEquals("200 from factory", get(filter, "/", new FakeFilterChain()));
    }

    public static class UnboundVariable extends Flask {
        @Route("/<lang_code>/")
        String index() {
            return "x";
        }
    }

    /** A view that cannot receive a rule variable (and no URL value preprocessor removes it) fails the deployment. */
    @Test
    void aViewWithoutAParameterForARuleVariableFailsInit() {
        ServletException e = assertThrows(ServletException.class,
                () -> init(Map.of("app", UnboundVariable.class.getName()), Map.of()));
        assertTrue(e.getMessage().contains(UnboundVariable.class.getName() + ".index(): rule '/<lang_code>/' has"
                + " variable 'lang_code' but the method has no parameter named 'lang_code'"), e.getMessage());
    }

    @Test
    void wrongAppClassesFailWithAMessageNamingClassSourceAndReason() {
        ServletException missing = assertThrows(ServletException.class,
                () -> init(Map.of("app", "com.example.Nope"), Map.of()));
        assertTrue(missing.getMessage().startsWith("flaskj: cannot load the application class 'com.example.Nope'"
                + " (from filter init-param 'app'): class not found"), missing.getMessage());
        ServletException notFlask = assertThrows(ServletException.class,
                () -> init(Map.of(), Map.of("FLASK_APP", "java.lang.String")));
        assertTrue(notFlask.getMessage().contains("(from environment variable FLASK_APP): it is not a subclass of"
                + " dev.flaskj.Flask and has no 'public static Flask createApp()' factory method."),
                notFlask.getMessage());
        ServletException threw = assertThrows(ServletException.class,
                () -> init(Map.of("app", Throws.class.getName()), Map.of()));
        assertTrue(threw.getMessage().contains("the constructor threw java.lang.IllegalStateException: database not"
                + " configured"), threw.getMessage());
        ServletException none = assertThrows(ServletException.class, () -> init(Map.of(), Map.of()));
        assertTrue(none.getMessage().contains("no application class configured"), none.getMessage());
    }

    /** A rule whose variable no parameter takes: a start-up error naming the method. */
    public static class Mismatch extends Flask {
        @Route("/user/<username>")
        String user(String name) {
            return name;
        }
    }

    /** Quiet: these start-up errors are logged on purpose. */
    private static <T> T quietly(java.util.concurrent.Callable<T> action) throws Exception {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(FlaskFilter.class.getName());
        java.util.logging.Level level = log.getLevel();
        log.setLevel(java.util.logging.Level.OFF);
        try {
            return action.call();
        } finally {
            log.setLevel(level);
        }
    }

    @Test
    void startUpErrorInDebugModeIsTheDebugPageForEveryRequest() throws Exception {
        FlaskFilter filter = quietly(() -> init(Map.of("app", Mismatch.class.getName(), "flask.debug", "true"),
                Map.of()));
        for (String path : new String[] {"/", "/user/ann", "/static/x.css"}) {
            String answer = get(filter, path, new FakeFilterChain());
            assertTrue(answer.startsWith("500 "), answer);
            assertTrue(answer.contains("flaskj: cannot load the application class &#39;" + Mismatch.class.getName()
                    + "&#39; (from filter init-param &#39;app&#39;): the constructor threw"), answer);
            assertTrue(answer.contains(Mismatch.class.getName() + ".user(String)"), answer);
            assertTrue(answer.contains("The application did not start"), answer);
        }
        // another machine gets the plain 500 page: the start-up page names classes and source lines
        FakeHttpServletRequest remote = new FakeHttpServletRequest("GET", "/myapplication/");
        remote.setContextPath("/myapplication");
        remote.setRemoteAddr("203.0.113.9");
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(remote, res, new FakeFilterChain());
        assertEquals(500, res.getStatus());
        assertTrue(res.bodyText().contains("Internal Server Error"), res.bodyText());
        assertFalse(res.bodyText().contains(Mismatch.class.getName()), res.bodyText());
        // the same error from FLASK_DEBUG, and for a class that does not exist
        FlaskFilter missing = quietly(() -> init(Map.of("app", "com.example.Nope"), Map.of("FLASK_DEBUG", "1")));
        assertTrue(get(missing, "/", new FakeFilterChain()).contains("class not found"));
    }

    @Test
    void startUpErrorWithoutDebugStillFailsTheDeployment() {
        ServletException e = assertThrows(ServletException.class,
                () -> init(Map.of("app", Mismatch.class.getName()), Map.of()));
        assertTrue(e.getMessage().contains(Mismatch.class.getName() + ".user(String)"), e.getMessage());
        assertThrows(ServletException.class, () -> init(Map.of("app", Mismatch.class.getName(), "flask.debug",
                "false"), Map.of("FLASK_DEBUG", "1")));
    }

    @Test
    void passThroughContinuesTheChainForUnknownUrlsButNeverForPrivateFolders() throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("app", Hello.class.getName(), "passThrough", "true"));
        FlaskFilter filter = init(params, Map.of());
        FakeFilterChain chain = new FakeFilterChain();
        get(filter, "/other/servlet", chain);
        assertTrue(chain.wasCalled());
        FakeFilterChain privateChain = new FakeFilterChain();
        assertTrue(get(filter, "/templates/hello.html", privateChain).startsWith("404 "));
        assertTrue(get(filter, "/WEB-INF/web.xml", privateChain).startsWith("404 "));
        assertFalse(privateChain.wasCalled());
    }

    @Test
    void withoutPassThroughTheAppOwnsItsUrlSpace() throws Exception {
        FakeFilterChain chain = new FakeFilterChain();
        assertTrue(get(init(Map.of("app", Hello.class.getName()), Map.of()), "/other", chain).startsWith("404 "));
        assertFalse(chain.wasCalled());
    }

    // ------------------------------------------------------------------ placeholder secret keys

    /** Records what the app logs (and keeps it off the console) while {@code body} runs. */
    private static List<String> logged(ThrowingRunnable body) throws Exception {
        Logger logger = Logger.getLogger(Hello.class.getName());
        List<String> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        boolean parents = logger.getUseParentHandlers();
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            body.run();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(parents);
        }
        return records;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void placeholderSecretKeyWithDebugOffFailsDeploymentSayingHowToSetARealKey() {
        for (String key : List.of("dev", "\"change-me\"", "changeme", "secret", "development key", "Dev ",
                "\"  \"")) {
            ServletException e = assertThrows(ServletException.class,
                    () -> init(Map.of("app", Hello.class.getName(), "SECRET_KEY", key), Map.of()), key);
            String m = e.getMessage();
            assertTrue(m.contains("SECRET_KEY") && m.contains("placeholder") && m.contains("FLASK_SECRET_KEY")
                    && m.contains("exec.args=secret") && m.contains("ALLOW_PLACEHOLDER_SECRET_KEY=true"), key + ": " + m);
        }
        // from the environment too: it is the final value that counts
        assertThrows(ServletException.class,
                () -> init(Map.of("app", Hello.class.getName()), Map.of("FLASK_SECRET_KEY", "change-me")));
    }

    @Test
    void realKeyMissingKeyAndOptOutStartQuietly() throws Exception {
        List<String> log = logged(() -> {
            init(Map.of("app", Hello.class.getName(), "SECRET_KEY", "9f2c4e1a7b6d0c3e8f5a2b1c4d7e0f3a"), Map.of());
            init(Map.of("app", Hello.class.getName()), Map.of());
            // an empty key is no key at all, as Flask reads it: sessions then say so on first write
            init(Map.of("app", Hello.class.getName(), "SECRET_KEY", "\"\""), Map.of());
        });
        assertEquals(List.of(), log);

        List<String> optOut = logged(() -> init(Map.of("app", Hello.class.getName(), "SECRET_KEY", "dev",
                "ALLOW_PLACEHOLDER_SECRET_KEY", "true"), Map.of()));
        assertEquals(1, optOut.size(), optOut.toString());
        assertTrue(optOut.get(0).startsWith("WARNING ") && optOut.get(0).contains("placeholder"), optOut.toString());
    }

    @Test
    void placeholderSecretKeyInDebugModeIsAOneLineWarning() throws Exception {
        List<String> log = logged(() -> {
            FlaskFilter filter = init(Map.of("app", Hello.class.getName(), "SECRET_KEY", "dev", "flask.debug", "1"),
                    Map.of());
            assertEquals("200 hello null", get(filter, "/", new FakeFilterChain()));
        });
        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARNING ") && l.contains("SECRET_KEY is a well-known"
                + " placeholder") && !l.contains("\n")), log.toString());
    }

    @Test
    void anUnknownTemplateEngineFailsDeploymentNotTheFirstPage() {
        ServletException e = assertThrows(ServletException.class,
                () -> init(Map.of("app", Hello.class.getName(), "TEMPLATE_ENGINE", "mustache"), Map.of()));
        assertTrue(e.getMessage().contains("TEMPLATE_ENGINE is 'mustache'") && e.getMessage().contains("'jinja'"),
                e.getMessage());
    }
}
