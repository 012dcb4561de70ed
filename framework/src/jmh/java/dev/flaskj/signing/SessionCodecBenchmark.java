package dev.flaskj.signing;

import dev.flaskj.internal.HtmlSafe;
import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.json.Tuple;
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
 * The cost of the session cookie on one request: verify and decode a typical session (a user id, a few flags, two
 * flashed messages), then encode and sign it again, through {@link TaggedJson} and {@link TimedSerializer}.
 * Target: at most 10 µs for {@link #roundTrip} and {@link #roundTripModified}.
 *
 * <p>The cookies rotate over more users than {@code TimedSerializer}'s payload cache has slots, so decoding
 * always does the full Base64 + zlib + JSON work. {@link #roundTrip} re-signs the unchanged session (a permanent
 * session on every request); {@link #roundTripModified} consumes the flashes first, so zlib runs on encode too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionCodecBenchmark {
    private static final long NOW = 1_700_000_000L;
    private static final long LIFETIME = 2_678_400L;
    private static final int USERS = 1024;

    private TimedSerializer serializer;
    private TaggedJson tagged;
    private String[] cookies;
    private int next;

    /** A minimal Markup for the {@code " m"} tag. */
    record Html(String html) implements HtmlSafe {}

    @Setup
    public void setUp() {
        serializer = new TimedSerializer(List.of("a-long-random-secret-key".getBytes(StandardCharsets.UTF_8),
                "an-old-secret-key".getBytes(StandardCharsets.UTF_8)), "cookie-session");
        tagged = new TaggedJson(Html::new);
        cookies = new String[USERS];
        for (int user = 0; user < USERS; user++) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("_permanent", true);
            session.put("user_id", 10_000 + user);
            session.put("is_admin", false);
            session.put("theme", "dark");
            session.put("_flashes", List.of(Tuple.of("message", "Your changes were saved"),
                    Tuple.of("error", "Please check the form")));
            cookies[user] = serializer.dumps(tagged.dumps(session), NOW - user);
        }
    }

    private String nextCookie() {
        next = (next + 1) & (USERS - 1);
        return cookies[next];
    }

    /** Verify and decode the cookie, then encode and sign the unchanged session again. */
    @Benchmark
    public String roundTrip() throws BadSignatureException, JsonDecodeException {
        Object loaded = tagged.loads(serializer.loads(nextCookie(), LIFETIME, NOW));
        return serializer.dumps(tagged.dumps(loaded), NOW);
    }

    /** Verify and decode the cookie, take the flashes out of it (Flask's get_flashed_messages), encode and sign. */
    @Benchmark
    public String roundTripModified() throws BadSignatureException, JsonDecodeException {
        Map<?, ?> loaded = (Map<?, ?>) tagged.loads(serializer.loads(nextCookie(), LIFETIME, NOW));
        loaded.remove("_flashes");
        return serializer.dumps(tagged.dumps(loaded), NOW);
    }

    /** Verify and decode only (a request that reads a non-permanent session). */
    @Benchmark
    public Object decode() throws BadSignatureException, JsonDecodeException {
        return tagged.loads(serializer.loads(nextCookie(), LIFETIME, NOW));
    }
}
