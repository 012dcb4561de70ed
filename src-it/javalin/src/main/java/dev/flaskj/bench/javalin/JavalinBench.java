package dev.flaskj.bench.javalin;

import dev.flaskj.bench.Fixtures;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.StringWriter;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The Javalin 6 peer of the side-by-side benchmark, as its users write it: handlers on its embedded Jetty, the
 * context path {@code /javalin}, the same endpoints and bytes as the other contexts ({@code hello},
 * {@code user/<name>} plus 200 extra dynamic routes, {@code json} through Javalin's Jackson mapper, {@code page}
 * through one Thymeleaf {@code TemplateEngine} with the cache on, {@code session} through flaskj's codec, as
 * the raw servlet does).
 *
 * <p>Usage: {@code JavalinBench PORT}. Prints {@code READY <port>} when it serves, and runs until killed.
 */
public final class JavalinBench {
    private JavalinBench() {}

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        TemplateEngine engine = templateEngine();
        JsonMapper jackson = new JavalinJackson();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.router.contextPath = "/javalin";
            config.jetty.defaultHost = "127.0.0.1";
            config.jsonMapper(new NewlineJson(jackson));
        });
        app.get("/hello", ctx -> ctx.html("Hello, World!"));
        app.get("/user/{name}", ctx -> ctx.html("User " + ctx.pathParam("name")));
        for (int i = 0; i < Fixtures.EXTRA_ROUTES; i++) {
            app.get("/extra" + i + "/{id}", ctx -> ctx.html("extra " + ctx.pathParam("id")));
        }
        app.get("/json", ctx -> ctx.json(Fixtures.ITEM));
        app.get("/page", ctx -> {
            JakartaServletWebApplication web = JakartaServletWebApplication.buildApplication(
                    ctx.req().getServletContext());
            WebContext context = new WebContext(web.buildExchange(ctx.req(), ctx.res()), ctx.req().getLocale(),
                    Map.of("name", Fixtures.NAME));
            StringWriter out = new StringWriter(2048);
            engine.process("page.html", context, out);
            ctx.html(out.toString());
        });
        app.get("/session", ctx -> {
            String[] bumped = Fixtures.bumpCounter(ctx.cookie("session"));
            ctx.header("Set-Cookie", Fixtures.sessionSetCookie(bumped[0], "/javalin"));
            ctx.header("Vary", "Cookie");
            ctx.html(bumped[1]);
        });
        app.start(port);
        System.out.println("READY " + app.port());
        System.out.flush();
    }

    /** Thymeleaf from the class path, cache on (Javalin serves no web-application resources). */
    static TemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(JavalinBench.class.getClassLoader());
        resolver.setPrefix("bench/templates/");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Jackson's text plus the final newline Flask's {@code jsonify} writes, so every system sends the same bytes. */
    static final class NewlineJson implements JsonMapper {
        private final JsonMapper delegate;

        NewlineJson(JsonMapper delegate) {
            this.delegate = delegate;
        }

        @NotNull
        @Override
        public String toJsonString(@NotNull Object obj, @NotNull Type type) {
            return delegate.toJsonString(obj, type) + "\n";
        }
    }
}
