package dev.flaskj.bench.javalin;

import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.signing.BadSignatureException;
import dev.flaskj.signing.TimedSerializer;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.StringWriter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The JSON endpoint's object; components in sorted order, so Jackson's and Flask's key orders agree. */
    public record Item(boolean active, int id, String name, List<String> tags) {}

    static final Item ITEM = new Item(true, 42, "flaskj", List.of("a", "b", "c"));
    static final String NAME = "<World>";
    static final int EXTRA_ROUTES = 200;
    static final String SECRET_KEY = "bench-secret-key-that-is-long-enough-for-hmac";
    static final TimedSerializer SESSION_SERIALIZER = new TimedSerializer(
            List.of(SECRET_KEY.getBytes(StandardCharsets.UTF_8)), "cookie-session");
    static final TaggedJson TAGGED_JSON = new TaggedJson(html -> html);
    static final long SESSION_LIFETIME = Duration.ofDays(31).getSeconds();

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
        for (int i = 0; i < EXTRA_ROUTES; i++) {
            app.get("/extra" + i + "/{id}", ctx -> ctx.html("extra " + ctx.pathParam("id")));
        }
        app.get("/json", ctx -> ctx.json(ITEM));
        app.get("/page", ctx -> {
            JakartaServletWebApplication web = JakartaServletWebApplication.buildApplication(
                    ctx.req().getServletContext());
            WebContext context = new WebContext(web.buildExchange(ctx.req(), ctx.res()), ctx.req().getLocale(),
                    Map.of("name", NAME));
            StringWriter out = new StringWriter(2048);
            engine.process("page.html", context, out);
            ctx.html(out.toString());
        });
        app.get("/session", ctx -> {
            String[] bumped = bumpCounter(ctx.cookie("session"));
            ctx.header("Set-Cookie", "session=" + bumped[0] + "; HttpOnly; Path=/javalin");
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

    /** The session endpoint's work: verify and decode, count up, encode and sign (as the raw servlet does). */
    static String[] bumpCounter(String cookie) {
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
        return new String[] {SESSION_SERIALIZER.dumps(TAGGED_JSON.dumps(session), now), "count=" + count};
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
