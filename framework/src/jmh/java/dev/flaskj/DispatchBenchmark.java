package dev.flaskj;

import static dev.flaskj.Flask.session;

import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.sessions.Session;
import dev.flaskj.signing.BadSignatureException;
import dev.flaskj.signing.TimedSerializer;
import dev.flaskj.testing.FakeFilterChain;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * flaskj's own cost per request, without a container: the same endpoints as {@code scripts/bench.sh} (hello,
 * user with 200 extra dynamic rules, a record as JSON, a session counter, {@link #sessionCounter}) dispatched through {@link FlaskFilter}
 * into the test fakes. {@link #baseline} is what a hand-written servlet does with the same fakes, so
 * {@code flaskj - baseline} is the framework's overhead ({@link #sessionBaseline} for the session counter); compare it with the container's own cost per request
 * (tens of microseconds in Tomcat) to see how much of a {@code wrk} ratio flaskj can still move.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {
    /** The JSON endpoint's value: a record, written by flaskj's JSON writer. */
    public record Item(boolean active, int id, String name, List<String> tags) {}

    private static final Item ITEM = new Item(true, 42, "flaskj", List.of("a", "b", "c"));
    private static final String SECRET_KEY = "bench-secret-key-that-is-long-enough-for-hmac";
    private static final TimedSerializer SERIALIZER =
            new TimedSerializer(List.of(SECRET_KEY.getBytes(StandardCharsets.UTF_8)), "cookie-session");
    private static final TaggedJson TAGGED = new TaggedJson(html -> html);

    private final FakeServletContext servletContext = new FakeServletContext("/myapplication");
    private FlaskFilter filter;
    private String sessionCookie;

    @Setup
    public void setUp() throws Exception {
        Flask app = new Flask("bench");
        app.config().put("SECRET_KEY", SECRET_KEY);
        app.addUrlRule("/hello", "hello", args -> "Hello, World!");
        app.addUrlRule("/user/<name>", "user", args -> "User " + args.get("name"));
        for (int i = 0; i < 200; i++) {
            app.addUrlRule("/extra" + i + "/<id>", "extra" + i, args -> "extra " + args.get("id"));
        }
        app.addUrlRule("/json", "json", args -> ITEM);
        app.addUrlRule("/session", "session", args -> {
            Session s = session();
            int count = s.get("count") instanceof Number n ? n.intValue() + 1 : 1;
            s.put("count", count);
            return "count=" + count;
        });
        filter = new FlaskFilter(app);
        FakeHttpServletResponse first = run("/session", null);
        String setCookie = first.getHeader("Set-Cookie");
        sessionCookie = setCookie.substring(0, setCookie.indexOf(';'));
    }

    private FakeHttpServletRequest request(String path, String cookie) {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication" + path);
        req.setContextPath("/myapplication");
        req.setServletContext(servletContext);
        if (cookie != null) {
            req.addHeader("Cookie", cookie);
        }
        return req;
    }

    private FakeHttpServletResponse run(String path, String cookie) throws IOException, ServletException {
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(request(path, cookie), res, new FakeFilterChain());
        return res;
    }

    /** What a servlet does to answer a short text: the baselines' response. */
    private static FakeHttpServletResponse text(FakeHttpServletResponse res, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/html;charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        return res;
    }

    /** The fakes and a hand-written "Hello, World!" response: what every flaskj row also pays. */
    @Benchmark
    public FakeHttpServletResponse baseline() throws IOException {
        request("/hello", null);
        return text(new FakeHttpServletResponse(), "Hello, World!");
    }

    /**
     * The session endpoint written by hand on the same fakes, as the raw servlet of {@code scripts/bench.sh} does
     * it: verify and decode the cookie, count up, encode, sign, set the cookie.
     */
    @Benchmark
    public FakeHttpServletResponse sessionBaseline() throws IOException {
        String header = request("/session", sessionCookie).getHeader("Cookie");
        String cookie = header.startsWith("session=") ? header.substring("session=".length()) : null;
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> session = new LinkedHashMap<>();
        try {
            if (cookie != null && TAGGED.loads(SERIALIZER.loads(cookie, 2_678_400L, now)) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> session.put(String.valueOf(k), v));
            }
        } catch (BadSignatureException | JsonDecodeException e) {
            session.clear();
        }
        int count = session.get("count") instanceof Number n ? n.intValue() + 1 : 1;
        session.put("count", count);
        String value = SERIALIZER.dumps(TAGGED.dumps(session), now);
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        res.addHeader("Set-Cookie", "session=" + value + "; HttpOnly; Path=/myapplication");
        res.addHeader("Vary", "Cookie");
        return text(res, "count=" + count);
    }

    @Benchmark
    public FakeHttpServletResponse hello() throws IOException, ServletException {
        return run("/hello", null);
    }

    @Benchmark
    public FakeHttpServletResponse user() throws IOException, ServletException {
        return run("/user/alice", null);
    }

    @Benchmark
    public FakeHttpServletResponse json() throws IOException, ServletException {
        return run("/json", null);
    }

    @Benchmark
    public FakeHttpServletResponse sessionCounter() throws IOException, ServletException {
        return run("/session", sessionCookie);
    }
}
