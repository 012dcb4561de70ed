package dev.flaskj.bench;

import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.renderTemplate;
import static dev.flaskj.Flask.session;

import dev.flaskj.Flask;
import dev.flaskj.FlaskFilter;
import dev.flaskj.sessions.Session;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.IServletWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** flaskj as its users write it: an app with lambda views, installed with {@code new FlaskFilter(app)}. */
final class FlaskjContext {
    private FlaskjContext() {}

    static void install(ServletContext sc) {
        Flask app = createApp(sc);
        sc.addFilter("flask", new FlaskFilter(app)).addMappingForUrlPatterns(null, false, "/*");
        // Tomcat runs filters only for requests mapped to a servlet.
        sc.addServlet("fallback", new NotFound()).addMapping("/");
    }

    /**
     * The same app with {@code TEMPLATE_ENGINE=jinja}, rendering the Jinja twin of the page (the template the Flask
     * peer renders): {@code scripts/bench.sh} measures it as the {@code page-jinja} row with
     * {@code BENCH_PAGE_JINJA=1}.
     */
    static void installJinja(ServletContext sc) {
        Flask app = createApp(sc);
        app.config().put("TEMPLATE_ENGINE", "jinja");
        sc.addFilter("flask", new FlaskFilter(app)).addMappingForUrlPatterns(null, false, "/*");
        sc.addServlet("fallback", new NotFound()).addMapping("/");
    }

    static Flask createApp(ServletContext sc) {
        Flask app = new Flask("bench");
        app.config().put("SECRET_KEY", Fixtures.SECRET_KEY);
        app.addUrlRule("/hello", "hello", args -> "Hello, World!");
        app.addUrlRule("/user/<name>", "user", args -> "User " + args.get("name"));
        for (int i = 0; i < Fixtures.EXTRA_ROUTES; i++) {
            app.addUrlRule("/extra" + i + "/<id>", "extra" + i, args -> "extra " + args.get("id"));
        }
        app.addUrlRule("/json", "json", args -> Fixtures.ITEM);
        DirectThymeleaf direct = new DirectThymeleaf(sc);
        app.addUrlRule("/page", "page", args -> renderTemplate("page.html", "name", Fixtures.NAME));
        app.addUrlRule("/page-direct", "page-direct",
                args -> direct.render("page.html", Map.of("name", Fixtures.NAME)));
        app.addUrlRule("/session", "session", args -> {
            Session s = session();
            int count = s.get("count") instanceof Number n ? n.intValue() + 1 : 1;
            s.put("count", count);
            return "count=" + count;
        });
        // The id read from flaskj's request() before the blocking call and again after it: a context lost or
        // swapped while the (virtual) thread was parked shows as two different ids, or an id the client never sent.
        app.addUrlRule("/blocking", "blocking", args -> {
            String before = request().args().get("id");
            Fixtures.block();
            return "id=" + before + " " + request().headers().get("X-Request-Id");
        });
        return app;
    }

    /**
     * The comparison for {@code renderTemplate}: Thymeleaf's {@code TemplateEngine} called directly from a view,
     * with the same resolver as the other contexts, rendering to a string as a view returns it.
     */
    static final class DirectThymeleaf {
        /** Rendering to a string has no response to encode URLs with; links pass unchanged. */
        private static final HttpServletResponse NO_RESPONSE = (HttpServletResponse) Proxy.newProxyInstance(
                DirectThymeleaf.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, a) -> switch (method.getName()) {
                    case "encodeURL", "encodeRedirectURL" -> a[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == a[0];
                    case "toString" -> "NO_RESPONSE";
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        private final JakartaServletWebApplication webApp;
        private final TemplateEngine engine;

        DirectThymeleaf(ServletContext sc) {
            webApp = JakartaServletWebApplication.buildApplication(sc);
            engine = RawContext.templateEngine(webApp);
        }

        String render(String template, Map<String, Object> model) {
            HttpServletRequest req = request().servletRequest();
            IServletWebExchange exchange = webApp.buildExchange(req, NO_RESPONSE);
            StringWriter out = new StringWriter(2048);
            engine.process(template, new WebContext(exchange, req.getLocale(), model), out);
            return out.toString();
        }
    }

    static final class NotFound extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.sendError(404);
        }
    }
}
