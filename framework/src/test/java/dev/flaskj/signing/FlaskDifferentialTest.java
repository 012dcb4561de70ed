package dev.flaskj.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flaskj.json.CompactJson;
import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.json.TestMarkup;
import dev.flaskj.json.Tuple;
import dev.flaskj.support.RealFlask;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against real Flask: the same session values signed by Flask and by flaskj must give the same
 * cookie, flaskj must read Flask's cookies as the documented Java values, and Flask must read flaskj's cookies as
 * the values it wrote itself.
 *
 * <p>One Python process runs {@code differential/flask_sessions.py} with flaskj's cookies on stdin. The
 * interpreter is {@code $FLASKJ_PYTHON}, else the first of {@code python3}, {@code /usr/bin/python3} that can
 * import Flask. Without one the test fails: it never skips.
 */
class FlaskDifferentialTest {
    private static final String SECRET = "differential-secret";
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final TaggedJson TAGGED = new TaggedJson(TestMarkup::new);

    private static Map<String, Map<String, Object>> cases;

    /** A fresh serializer per use, so no test is answered from another test's payload cache. */
    private static TimedSerializer serializer() {
        return new TimedSerializer(List.of(SECRET.getBytes(StandardCharsets.UTF_8)), "cookie-session");
    }
    private static Map<String, Map<String, Object>> flask;
    private static Map<String, String> reuse;
    private static Map<String, String> flaskRedumps;

    /**
     * Cookies from ONE serializer used as a server uses it: several threads at once, each reading its previous
     * cookie back and writing a modified session, compressed or not, so that pooled zlib streams, cached payloads
     * and the signature state are all reused across calls and threads.
     */
    private static Map<String, String> reusedSerializerCookies() throws InterruptedException {
        TimedSerializer shared = serializer();
        int threads = 4;
        int perThread = 40;
        String[][] written = new String[threads][perThread];
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                try {
                    String previous = null;
                    for (int i = 0; i < perThread; i++) {
                        Map<String, Object> session = previous == null ? new LinkedHashMap<>()
                                : castMap(TAGGED.loads(shared.loads(previous, 2_678_400L, TIMESTAMP)));
                        session.put("_permanent", true);
                        session.put("user_id", 10_000 + thread * 100 + i);
                        session.put("theme", i % 3 == 0 ? "dark" : "light é");
                        if (i % 2 == 0) {
                            session.put("_flashes", list(Tuple.of("message", "Your changes were saved " + i),
                                    Tuple.of("error", "Please check the form")));
                        } else {
                            session.remove("_flashes");
                        }
                        previous = shared.dumps(TAGGED.dumps(session), TIMESTAMP);
                        written[thread][i] = previous;
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(60_000);
        }
        assertEquals(List.of(), failures, "the threads wrote and read their cookies");
        Map<String, String> cookies = new LinkedHashMap<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                cookies.put("reuse-" + t + "-" + i, written[t][i]);
            }
        }
        return cookies;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The Java twins of flask_sessions.py's CASES, with the types Java reads them back as. */
    private static Map<String, Map<String, Object>> javaCases() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        all.put("strings", map("s", "héllo wörld", "emoji", "😀 party 🎉", "ctrl", "a\nb\t\"q\"\\/<>&'\u0000\u007f",
                "empty", ""));
        all.put("ints", map("small", 42, "neg", -7, "big", BigInteger.TEN.pow(20), "long", 1L << 40, "zero", 0,
                "negbig", BigInteger.TWO.pow(70).negate()));
        all.put("floats", map("half", 1.5, "tenth", 0.1, "e16", 1e16, "tiny", 1.5e-7, "one", 1.0, "neg", -2.5,
                "third", 1.0 / 3));
        all.put("nested", map("a", map("b", map("c", list(1, map("d", null)))), "flag", true, "off", false));
        all.put("lists_tuples", map("l", list(1, "x", list(2, 3)), "t", Tuple.of(1, "a"),
                "nt", Tuple.of(Tuple.of(1, 2), list(3, Tuple.of(4))), "empty_t", Tuple.of()));
        all.put("bytes", map("b", "\u0000\u00ff binary".getBytes(StandardCharsets.ISO_8859_1), "e", new byte[0]));
        all.put("datetime", map("when", Instant.parse("2024-01-02T03:04:05Z")));
        all.put("uuid", map("id", UUID.fromString("12345678-1234-5678-1234-567812345678")));
        all.put("markup", map("m", new TestMarkup("<b>bold</b> &amp; co")));
        all.put("flashes", map("_flashes", list(Tuple.of("message", "You were logged in"), Tuple.of("error", "bad <b>"),
                Tuple.of("info", new TestMarkup("<i>m</i>"))), "_permanent", true));
        all.put("tag_keys", map("x", map(" t", 1), "y", map(" di", list(1))));
        all.put("compressed", map("big", "x".repeat(500), "user_id", 1));
        all.put("typical", map("_permanent", true, "user_id", 12345, "is_admin", false, "theme", "dark",
                "_flashes", list(Tuple.of("message", "Saved"), Tuple.of("error", "Try again"))));
        return all;
    }

    @BeforeAll
    static void runFlask(@TempDir Path dir) throws IOException, InterruptedException, JsonDecodeException {
        cases = javaCases();
        StringBuilder input = new StringBuilder();
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            input.append(c.getKey()).append('\t').append(serializer().dumps(TAGGED.dumps(c.getValue()), TIMESTAMP))
                    .append('\n');
        }
        Path script = dir.resolve("flask_sessions.py");
        try (InputStream in = FlaskDifferentialTest.class.getResourceAsStream("/differential/flask_sessions.py")) {
            Files.copy(in, script);
        }
        reuse = reusedSerializerCookies();
        reuse.forEach((name, cookie) -> input.append(name).append('\t').append(cookie).append('\n'));
        String output = runPython(script, input.toString());
        flask = new LinkedHashMap<>();
        flaskRedumps = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                Map<?, ?> row = (Map<?, ?>) CompactJson.loads(line);
                if (Boolean.TRUE.equals(row.get("reuse"))) {
                    flaskRedumps.put((String) row.get("name"), (String) row.get("redump"));
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) row;
                flask.put((String) row.get("name"), typed);
            }
        }
        assertEquals(cases.keySet(), flask.keySet(), "Flask answered for every case");
    }

    @Test
    void javaWritesTheSameCookiesAsFlask() {
        for (String name : cases.keySet()) {
            String javaCookie = serializer().dumps(TAGGED.dumps(cases.get(name)), TIMESTAMP);
            assertEquals(flask.get(name).get("cookie"), javaCookie, name);
        }
    }

    @Test
    void javaReadsFlasksCookiesAsTheDocumentedValues() throws BadSignatureException, JsonDecodeException {
        for (String name : cases.keySet()) {
            String cookie = (String) flask.get(name).get("cookie");
            Object loaded = TAGGED.loads(serializer().loads(cookie, 2_678_400L, TIMESTAMP));
            assertDeepEquals(cases.get(name), loaded, name);
        }
    }

    @Test
    void flaskDecodesEveryCookieOfASharedSerializerAndWouldWriteTheSameBytes() {
        assertEquals(reuse.keySet(), flaskRedumps.keySet(), "Flask answered for every cookie");
        long compressed = reuse.values().stream().filter(c -> c.startsWith(".")).count();
        assertNotEquals(0L, compressed, "some cookies are compressed");
        assertNotEquals((long) reuse.size(), compressed, "some cookies are not compressed");
        for (Map.Entry<String, String> e : reuse.entrySet()) {
            assertEquals(e.getValue(), flaskRedumps.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void flaskReadsJavasCookiesAsWhatItWroteItself() {
        for (String name : cases.keySet()) {
            Object pythonRepr = flask.get(name).get("python_repr");
            assertNotEquals("{}", pythonRepr, name + ": Flask read its own cookie");
            assertEquals(pythonRepr, flask.get(name).get("java_repr"), name);
        }
    }

    // Compares values and their Java types: Tuple stays Tuple, a plain list is not a Tuple, numbers keep their
    // exact class, byte[] by content.
    private static void assertDeepEquals(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, path);
            return;
        }
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = assertType(Map.class, actual, path);
            assertEquals(new ArrayList<>(e.keySet()).stream().sorted().toList(),
                    new ArrayList<>(a.keySet()).stream().sorted().toList(), path + " keys");
            for (Object key : e.keySet()) {
                assertDeepEquals(e.get(key), a.get(key), path + "." + key);
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = assertType(List.class, actual, path);
            assertEquals(e instanceof Tuple, a instanceof Tuple, path + " is a tuple: " + a.getClass());
            assertEquals(e.size(), a.size(), path + " size");
            for (int i = 0; i < e.size(); i++) {
                assertDeepEquals(e.get(i), a.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof byte[] e) {
            assertArrayEquals(e, assertType(byte[].class, actual, path), path);
        } else {
            assertEquals(expected.getClass(), actual.getClass(), path + " type");
            assertEquals(expected, actual, path);
        }
    }

    private static <T> T assertType(Class<T> type, Object actual, String path) {
        if (!type.isInstance(actual)) {
            fail(path + ": expected a " + type.getSimpleName() + " but was " + actual.getClass().getName());
        }
        return type.cast(actual);
    }

    private static String runPython(Path script, String input) throws IOException, InterruptedException {
        List<String> candidates = RealFlask.interpreters();
        List<String> failures = new ArrayList<>();
        for (String python : candidates) {
            Process process;
            try {
                process = new ProcessBuilder(python, script.toString()).redirectErrorStream(false).start();
            } catch (IOException e) {
                failures.add(python + ": " + e.getMessage());
                continue;
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] stdout = process.getInputStream().readAllBytes();
            byte[] stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(python + " did not finish within 60 s");
            }
            // 97: the script could not import Flask with this interpreter; try the next one.
            if (process.exitValue() == 97) {
                failures.add(python + ": " + new String(stderr, StandardCharsets.UTF_8).trim());
                continue;
            }
            assertEquals(0, process.exitValue(), python + " failed: " + new String(stderr, StandardCharsets.UTF_8));
            return new String(stdout, StandardCharsets.UTF_8);
        }
        return fail(RealFlask.noInterpreter(failures));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
