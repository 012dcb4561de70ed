package dev.flaskj.it.apps;

import dev.flaskj.AfterRequest;
import dev.flaskj.BeforeRequest;
import dev.flaskj.Flask;
import dev.flaskj.Response;
import dev.flaskj.Route;
import dev.flaskj.http.FileStorage;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The app of the reliability run: sessions, uploads, JSON, static files, errors. Every request's id (header
 * {@code X-Request-Id}) goes into g() before the view, the view blocks for a moment so other requests interleave on
 * the container's threads, and the id read back from g() afterwards is echoed as {@code X-Echo-Id}. Two endpoints
 * exist for the test only: the heap in use after a full GC, and the servlet context's temp folder.
 */
public class ReliabilityApp extends Flask {
    @BeforeRequest
    Object rememberId() {
        g().put("rid", request().headers().get("X-Request-Id", ""));
        return null;
    }

    @AfterRequest
    Response echoId(Response response) {
        Object rid = g().get("rid", null);
        if (rid != null) {
            response.headers().set("X-Echo-Id", rid.toString());
        }
        return response;
    }

    private static void block() throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
    }

    @Route(value = "/login", methods = {"POST"})
    String login() throws InterruptedException {
        String user = request().form().get("username");
        block();
        session().put("user", user);
        return "ok " + user;
    }

    @Route("/whoami")
    String whoami() throws InterruptedException {
        block();
        Object user = session().get("user");
        return user == null ? "anonymous" : user.toString();
    }

    /** The uploaded file's size and CRC-32, read through its stream. */
    @Route(value = "/upload", methods = {"POST"})
    String upload() throws IOException, InterruptedException {
        FileStorage f = request().files().get("f");
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buf = new byte[8192];
        try (InputStream in = f.stream()) {
            for (int n; (n = in.read(buf)) > 0; size += n) {
                crc.update(buf, 0, n);
            }
        }
        block();
        return size + ":" + Long.toHexString(crc.getValue());
    }

    /** The number of members of a JSON object, and the length of its "pad" string when it has one. */
    @Route(value = "/json", methods = {"POST"})
    Map<String, Object> jsonEcho() throws InterruptedException {
        Object body = request().json();
        block();
        if (!(body instanceof Map<?, ?> m)) {
            return Map.of("type", body == null ? "null" : body.getClass().getSimpleName());
        }
        Object pad = m.get("pad");
        return Map.of("members", m.size(), "pad", pad instanceof String s ? s.length() : -1);
    }

    @Route("/theme")
    String theme() throws InterruptedException {
        block();
        return String.valueOf(request().cookies().get("theme", "").length());
    }

    @Route("/items")
    String items() throws InterruptedException {
        block();
        return "page " + request().args().getInt("page", 1);
    }

    @Route("/admin/<path:rest>")
    String admin(String rest) {
        return "admin:" + rest;
    }

    @Route("/x")
    String x() throws InterruptedException {
        block();
        return "x";
    }

    /** Behind ProxyFix (x_for=1): the client address it chose. */
    @Route("/proxied")
    String proxied() throws InterruptedException {
        block();
        return request().remoteAddr();
    }

    @Route("/forbidden")
    String forbidden() {
        abort(403);
        return "unreachable";
    }

    /** Used heap after full collections (the test compares it before and after the run). */
    @Route("/_heap")
    String heap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return String.valueOf(used);
    }

    /** The servlet context's private temp folder, where uploads are spooled. */
    @Route("/_tempdir")
    String tempdir() {
        ServletContext sc = currentApp().servletContext();
        Object dir = sc == null ? null : sc.getAttribute(ServletContext.TEMPDIR);
        return dir instanceof File f ? f.getAbsolutePath() : "";
    }

}
