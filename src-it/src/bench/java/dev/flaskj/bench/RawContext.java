package dev.flaskj.bench;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.IServletWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** The upper bound: one plain {@code HttpServlet} per endpoint, paths parsed by hand. */
final class RawContext {
    private RawContext() {}

    static void install(ServletContext sc) {
        sc.addServlet("hello", new Text("Hello, World!")).addMapping("/hello");
        sc.addServlet("user", new Segment("User")).addMapping("/user/*");
        for (int i = 0; i < Fixtures.EXTRA_ROUTES; i++) {
            sc.addServlet("extra" + i, new Segment("extra")).addMapping("/extra" + i + "/*");
        }
        sc.addServlet("json", new Json()).addMapping("/json");
        sc.addServlet("page", new Page(sc)).addMapping("/page");
        sc.addServlet("session", new SessionCounter()).addMapping("/session");
        sc.addServlet("blocking", new Blocking()).addMapping("/blocking");
    }

    static void text(HttpServletResponse res, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/html;charset=utf-8");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    /** The last path segment after {@code /prefix/}, or null when there is none or more than one. */
    static String oneSegment(HttpServletRequest req) {
        String p = req.getPathInfo();
        if (p == null || p.length() < 2 || p.indexOf('/', 1) >= 0) {
            return null;
        }
        return p.substring(1);
    }

    static final class Text extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String body;

        Text(String body) {
            this.body = body;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, body);
        }
    }

    /** {@code /prefix/<segment>} answered with {@code label + " " + segment}: the user and the extra routes. */
    static final class Segment extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String label;

        Segment(String label) {
            this.label = label;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String segment = oneSegment(req);
            if (segment == null) {
                res.sendError(404);
                return;
            }
            text(res, label + " " + segment);
        }
    }

    /**
     * The record written by hand, field by field, as the least a servlet can do for these bytes: no reflection and
     * no JSON library. The same bytes as Flask's {@code jsonify} (keys sorted, compact, a final newline).
     */
    static final class Json extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            byte[] bytes = json(Fixtures.ITEM).getBytes(StandardCharsets.UTF_8);
            res.setContentType("application/json");
            res.setContentLength(bytes.length);
            res.getOutputStream().write(bytes);
        }
    }

    /** {@link Item} as JSON; its strings are known to need no escaping (the fixed record). */
    static String json(Item item) {
        StringBuilder sb = new StringBuilder(64).append("{\"active\":").append(item.active())
                .append(",\"id\":").append(item.id())
                .append(",\"name\":\"").append(item.name())
                .append("\",\"tags\":[");
        for (int i = 0; i < item.tags().size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(item.tags().get(i)).append('"');
        }
        return sb.append("]}\n").toString();
    }

    static final class Page extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient JakartaServletWebApplication webApp;
        private final transient TemplateEngine engine;

        Page(ServletContext sc) {
            webApp = JakartaServletWebApplication.buildApplication(sc);
            engine = templateEngine(webApp);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            IServletWebExchange exchange = webApp.buildExchange(req, res);
            WebContext ctx = new WebContext(exchange, req.getLocale(), Map.of("name", Fixtures.NAME));
            // Rendered to a string and written once, as flaskj's views return a page: cheaper than Thymeleaf's
            // many small writes through the container's character encoder.
            StringWriter out = new StringWriter(2048);
            engine.process("page.html", ctx, out);
            text(res, out.toString());
        }
    }

    /**
     * Thymeleaf reading {@code /templates/} from the web application, cache on: the resolver configured exactly as
     * flaskj's {@code TemplateRenderer} configures its web-application folder.
     */
    static TemplateEngine templateEngine(JakartaServletWebApplication webApp) {
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(webApp);
        resolver.setPrefix("/templates/");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setXmlTemplateModePatterns(Set.of("*.xml"));
        resolver.setJavaScriptTemplateModePatterns(Set.of("*.js"));
        resolver.setCSSTemplateModePatterns(Set.of("*.css"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    static final class SessionCounter extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
            String cookie = null;
            Cookie[] cookies = req.getCookies();
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if (c.getName().equals("session")) {
                        cookie = c.getValue();
                    }
                }
            }
            String[] bumped = Fixtures.bumpCounter(cookie);
            res.addHeader("Set-Cookie", Fixtures.sessionSetCookie(bumped[0], req.getContextPath()));
            res.addHeader("Vary", "Cookie");
            text(res, bumped[1]);
        }
    }

    /**
     * The virtual-thread endpoint: 20 ms of blocking (standing for a database call), then the request id echoed
     * twice, from the query string before the wait and from the header after it.
     */
    static final class Blocking extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String before = req.getParameter("id");
            Fixtures.block();
            text(res, "id=" + before + " " + req.getHeader("X-Request-Id"));
        }
    }
}
