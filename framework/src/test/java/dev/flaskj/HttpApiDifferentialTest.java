package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flaskj.http.Accept;
import dev.flaskj.http.Authorization;
import dev.flaskj.http.CacheControl;
import dev.flaskj.http.Range;
import dev.flaskj.support.Webapps;
import dev.flaskj.testing.EmbeddedTomcat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against real Flask over HTTP: {@code differential/flask_http_api.py} (Flask 3.1 on
 * Werkzeug's server) and {@link Twin} (flaskj in embedded Tomcat) get the same requests; status, body and
 * headers (as sets; {@code Date}, {@code Server} and connection headers aside) must be equal. The interpreter is
 * {@code $FLASKJ_PYTHON}, else {@code python3}; without Flask the test fails, it never skips.
 */
class HttpApiDifferentialTest {
    private static final Instant STAMP = Instant.parse("2024-01-02T03:04:05Z");

    /** The flaskj twin of the Python app, route for route. */
    public static class Twin extends Flask {
        public Twin() {
            config().put("SECRET_KEY", "differential");
            addUrlRule("/auth", "auth", args -> {
                Authorization a = request().authorization();
                if (a == null) {
                    return "none";
                }
                String params = new TreeMap<>(a.parameters()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + (e.getValue() == null ? "None" : e.getValue()))
                        .collect(Collectors.joining(","));
                return String.join("|", a.type(), show(a.username()), show(a.password()), show(a.token()), params);
            });
            addUrlRule("/negotiate", "negotiate", args -> {
                Request r = request();
                Accept langs = r.acceptLanguages();
                return String.join("|", show(r.acceptMimetypes().bestMatch("application/json", "text/html",
                        "image/png")), show(r.acceptMimetypes().quality("text/html")),
                        show(langs.bestMatch("de", "en-US", "fr-CA")), show(langs.best()),
                        show(r.acceptCharsets().bestMatch("utf-8", "iso-8859-1")),
                        show(r.acceptEncodings().bestMatch("gzip", "br", "identity")),
                        show(r.acceptEncodings().quality("br")));
            });
            addUrlRule("/info", "info", args -> {
                Request r = request();
                Instant ims = r.ifModifiedSince();
                CacheControl cc = r.cacheControl();
                Range range = r.range();
                TreeSet<String> tags = new TreeSet<>(r.ifNoneMatch().strong()); // ETags.as_set(): strong only
                return String.join("|", show(r.isSecure()), show(r.referrer()), show(r.origin()),
                        String.join(",", r.accessRoute()), show(ims == null ? null : ims.getEpochSecond()),
                        String.join(",", tags), show(range == null ? null : range.toHeader()), show(cc.getMaxAge()),
                        show(cc.isNoCache()), show(cc.isNoStore()),
                        new TreeMap<>(r.mimetypeParams()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(",")),
                        "json:" + (r.getJson(false, true) == null ? "-" : "some"));
            }, "GET", "POST");
            addUrlRule("/cache", "cache", args -> {
                Response r = new Response("cached");
                r.cacheControl().setPublic(true);
                r.cacheControl().setMaxAge(600);
                r.cacheControl().setSMaxage(60);
                r.cacheControl().setMustRevalidate(true);
                r.cacheControl().setImmutable(true);
                r.cacheControl().setStaleWhileRevalidate(30);
                r.setEtag("abc", true);
                r.lastModified(STAMP);
                r.expires(STAMP);
                r.vary().add("Accept-Encoding");
                r.vary().add("Accept-Language");
                r.contentLanguage().add("de-DE");
                session().get("x");
                return r;
            });
            addUrlRule("/nocache", "nocache", args -> {
                Response r = new Response("private");
                r.cacheControl().setNoStore(true);
                r.cacheControl().setNoCache(true);
                r.cacheControl().setPrivate(true);
                r.cacheControl().setMaxAge(0);
                return r;
            });
            addUrlRule("/cond", "cond", args -> conditionalResponse().makeConditional(request()));
            addUrlRule("/range", "range", args -> conditionalResponse().makeConditional(request(), true));
            addUrlRule("/etag", "etag", args -> new Response("Hello World").addEtag().makeConditional(request()));
            // send_file for generated content: bytes with every option, and a type guessed from a non-ASCII name
            addUrlRule("/file-bytes", "file-bytes", args -> sendFile("Hello World".getBytes(StandardCharsets.UTF_8),
                    SendFileOptions.mimetype("text/plain").asAttachment(true).downloadName("hello.txt").etag("v1")
                            .lastModified(STAMP).maxAge(60)));
            addUrlRule("/file-named", "file-named", args -> sendFile("%PDF-1.4 x".getBytes(StandardCharsets.UTF_8),
                    SendFileOptions.downloadName("r\u00e9sum\u00e9 2024.pdf")));
        }

        private static Response conditionalResponse() {
            return new Response("Hello World").setEtag("v1").lastModified(STAMP);
        }

        private static String show(Object v) {
            if (v == null) {
                return "-";
            }
            if (v instanceof Boolean b) {
                return b ? "True" : "False";
            }
            return String.valueOf(v);
        }
    }

    private record Req(String method, String path, String body, String... headers) {}

    private static List<Req> requests() {
        String ims = "Tue, 02 Jan 2024 03:04:05 GMT";
        return List.of(
                new Req("GET", "/auth", null),
                new Req("GET", "/auth", null, "Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
                new Req("GET", "/auth", null, "Authorization", "Basic 0YDRg9GB0YHQutC40IE60JHRg9C60LLRiw=="),
                new Req("GET", "/auth", null, "Authorization", "basic !!dXNl cjpwYXNz"),
                new Req("GET", "/auth", null, "Authorization", "Basic foo"),
                new Req("GET", "/auth", null, "Authorization", "Basic /w=="),
                new Req("GET", "/auth", null, "Authorization", "Bearer abc.def=="),
                new Req("GET", "/auth", null, "Authorization", "Digest username=\"Mufasa\", realm=\"r@h\", "
                        + "nonce=dcd98b, uri=\"/dir/index.html\", qop=auth, nc=00000001, response=\"6629fae4\""),
                new Req("GET", "/auth", null, "Authorization", "Digest foo, bar=, =qux, ="),
                new Req("GET", "/negotiate", null),
                new Req("GET", "/negotiate", null, "Accept", "text/html;q=0.9,application/json;q=0.8,*/*;q=0.1",
                        "Accept-Language", "en-GB,en;q=0.8,de-AT;q=0.5", "Accept-Charset", "ISO-8859-1, utf-8;q=0.7",
                        "Accept-Encoding", "gzip;q=0.5, br, *;q=0"),
                new Req("GET", "/negotiate", null, "Accept", "image/*, text/*;q=0.5, application/json;q=0.5",
                        "Accept-Language", "fr", "Accept-Encoding", "identity;q=0, *"),
                new Req("GET", "/negotiate", null, "Accept", "text/html;level=1, text/html;q=0.3, bad;q=2, x/y;q=abc",
                        "Accept-Language", "de_DE, *;q=0.1", "Accept-Charset", "*"),
                new Req("GET", "/info", null),
                new Req("POST", "/info", "{\"a\": 1}", "Content-Type", "application/json; charset=utf-8",
                        "Referer", "http://example.com/from", "Origin", "http://example.com",
                        "X-Forwarded-For", "10.0.0.1, 10.0.0.2", "If-Modified-Since", ims,
                        "If-None-Match", "W/\"a\", \"b\", c", "Range", "bytes=0-9,-5",
                        "Cache-Control", "max-age=30, no-cache, no-store"),
                new Req("POST", "/info", "{bad", "Content-Type", "application/json",
                        "Cache-Control", "max-age=abc", "Range", "bytes=bad"),
                new Req("POST", "/info", "{\"a\": 1}", "Content-Type", "text/plain; format=flowed; Charset=\"x y\""),
                new Req("GET", "/cache", null),
                new Req("GET", "/nocache", null),
                new Req("GET", "/cond", null),
                new Req("GET", "/cond", null, "If-None-Match", "\"v1\""),
                new Req("GET", "/cond", null, "If-None-Match", "W/\"v1\", \"other\""),
                new Req("GET", "/cond", null, "If-None-Match", "\"v2\""),
                new Req("GET", "/cond", null, "If-Modified-Since", ims),
                new Req("GET", "/cond", null, "If-Modified-Since", "Tue, 02 Jan 2024 03:04:04 GMT"),
                new Req("GET", "/cond", null, "If-Match", "\"v2\""),
                new Req("GET", "/cond", null, "If-Match", "\"v1\""),
                new Req("POST", "/cond", null, "If-None-Match", "\"v1\""),
                new Req("HEAD", "/cond", null, "If-None-Match", "\"v1\""),
                new Req("GET", "/cond", null, "Range", "bytes=0-4"),
                new Req("GET", "/range", null),
                new Req("GET", "/range", null, "Range", "bytes=0-4"),
                new Req("GET", "/range", null, "Range", "bytes=6-666"),
                new Req("GET", "/range", null, "Range", "bytes=-3"),
                new Req("GET", "/range", null, "Range", "bytes=0-1,3-4"),
                new Req("GET", "/range", null, "Range", "bytes=11-"),
                new Req("GET", "/range", null, "Range", "bytes=bad"),
                new Req("GET", "/range", null, "Range", "bytes=0-4", "If-Range", "\"v1\""),
                new Req("GET", "/range", null, "Range", "bytes=0-4", "If-Range", "\"v0\""),
                new Req("GET", "/range", null, "Range", "bytes=0-4", "If-Range", ims),
                new Req("GET", "/range", null, "Range", "bytes=0-4", "If-Range", "Mon, 01 Jan 2024 00:00:00 GMT"),
                new Req("GET", "/range", null, "Range", "bytes=0-4", "If-None-Match", "\"v1\""),
                new Req("GET", "/etag", null),
                new Req("GET", "/etag", null, "If-None-Match", "\"0a4d55a8d778e5022fab701977c5d840bbc486d0\""),
                new Req("GET", "/file-bytes", null),
                new Req("HEAD", "/file-bytes", null),
                new Req("GET", "/file-bytes", null, "If-None-Match", "\"v1\""),
                new Req("GET", "/file-bytes", null, "If-Modified-Since", ims),
                new Req("GET", "/file-bytes", null, "Range", "bytes=0-4"),
                new Req("GET", "/file-bytes", null, "Range", "bytes=20-"),
                new Req("GET", "/file-bytes", null, "Range", "bytes=0-4", "If-Range", "\"v0\""),
                new Req("GET", "/file-named", null));
    }

    @Test
    void flaskjAnswersLikeFlask(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("flask_http_api.py");
        try (InputStream in = getClass().getResourceAsStream("/differential/flask_http_api.py")) {
            Files.copy(in, script);
        }
        Path webapp = dir.resolve("webapp");
        Webapps.flaskFilter(webapp, Twin.class);
        String python = System.getenv().getOrDefault("FLASKJ_PYTHON", "python3");
        Process flask = new ProcessBuilder(python, script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(webapp, "")) {
            BufferedReader out = new BufferedReader(new InputStreamReader(flask.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("PORT ")) {
                flask.waitFor(10, TimeUnit.SECONDS);
                fail(python + " did not start Flask (exit " + (flask.isAlive() ? "-" : flask.exitValue())
                        + "); install Flask (apt-get install python3-flask) or set FLASKJ_PYTHON");
            }
            URI flaskBase = URI.create("http://127.0.0.1:" + first.substring(5).trim());
            URI javaBase = URI.create("http://127.0.0.1:" + tomcat.port());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> differences = new ArrayList<>();
            for (Req req : requests()) {
                String fromFlask = answer(http, flaskBase, req);
                String fromJava = answer(http, javaBase, req);
                if (!fromFlask.equals(fromJava)) {
                    differences.add(req.method() + " " + req.path() + " " + List.of(req.headers())
                            + "\n  flask:  " + fromFlask + "\n  flaskj: " + fromJava);
                }
            }
            assertEquals("", String.join("\n", differences));
            assertTrue(answer(http, javaBase, requests().get(20)).startsWith("304 "), "the oracle was asked");
        } finally {
            flask.getOutputStream().close(); // the script stops when its stdin closes
            if (!flask.waitFor(10, TimeUnit.SECONDS)) {
                flask.destroyForcibly();
            }
        }
    }

    private static String answer(HttpClient http, URI base, Req req) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(req.path())).timeout(Duration.ofSeconds(20))
                .method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(req.body()));
        for (int i = 0; i < req.headers().length; i += 2) {
            b.header(req.headers()[i], req.headers()[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        TreeSet<String> headers = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (List.of("date", "server", "connection", "keep-alive", "transfer-encoding", ":status").contains(name)) {
                continue;
            }
            for (String v : e.getValue()) {
                // Tomcat writes "text/html;charset=utf-8" for Werkzeug's "text/html; charset=utf-8".
                String value = name.equals("content-type") ? v.replace("; ", ";") : v;
                if (name.equals("allow")) {
                    value = new TreeSet<>(List.of(v.split(",\\s*"))).toString(); // a set: its order is free
                }
                if (name.equals("set-cookie")) {
                    value = value.substring(0, value.indexOf('=') + 1); // the cookie's name; the value is signed
                }
                headers.add(name + ": " + value);
            }
        }
        return r.statusCode() + " " + headers + " " + r.body();
    }
}
