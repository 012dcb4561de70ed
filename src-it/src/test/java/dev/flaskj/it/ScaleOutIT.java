package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three standalone Tomcat nodes (one CATALINA_BASE each, the example WAR in each webapps/) behind nginx, round
 * robin, no sticky sessions: the signed-cookie session is all the state a visitor has, so any node serves any
 * request. A node killed under load costs no request and no session; rotating SECRET_KEY by rolling restarts logs
 * nobody out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    private static final String APP = Containers.CONTEXT_PATH;
    private static final String OLD_KEY = "scale-out-key-one";
    private static final String NEW_KEY = "scale-out-key-two";
    private static final String EMPTY_UPLOAD_FLASH = "Choose a file to upload.";
    private static final List<Standalone.Tomcat> NODES = new ArrayList<>();
    private static Standalone.Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        Path war = Containers.exampleWar();
        for (String name : List.of("a", "b", "c")) {
            Standalone.Tomcat node = Standalone.Tomcat.create(name, null);
            NODES.add(node);
            node.env.put("FLASK_SECRET_KEY", OLD_KEY);
            node.env.put("FLASK_FLASKR_DATA_DIR", Files.createDirectories(node.base.resolve("data")).toString());
            node.deployWar(war);
        }
        startAll(NODES);
        nginx = Standalone.Nginx.start(NODES.stream().map(n -> n.port).toList());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        NODES.forEach(Standalone.Node::close);
    }

    private static void startAll(List<Standalone.Tomcat> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Standalone.Tomcat node : nodes) {
                started.add(pool.submit(() -> {
                    node.start();
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The node that answered, from nginx's X-Upstream (the last one tried, if it went on to the next). */
    private static String node(HttpResponse<?> r) {
        String upstream = r.headers().firstValue("X-Upstream").orElseThrow(() -> new AssertionError("no X-Upstream"));
        String last = upstream.substring(upstream.lastIndexOf(',') + 1).trim();
        int port = Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
        return NODES.stream().filter(n -> n.port == port).findFirst().orElseThrow().name;
    }

    private static CookieClient logIn(String user) throws Exception {
        CookieClient client = new CookieClient(nginx);
        HttpResponse<String> login = client.post(APP + "/login", Map.of("username", user, "password", "secret"));
        assertEquals(302, login.statusCode(), login.body());
        return client;
    }

    private static boolean loggedIn(HttpResponse<String> page, String user) {
        return page.body().contains("Logged in as <b>" + user + "</b>");
    }

    @Test
    @Order(1)
    void aLoginOnOneNodeHoldsOnEveryNodeAndItsFlashSurvivesTheHop() throws Exception {
        CookieClient client = new CookieClient(nginx);
        HttpResponse<String> login = client.post(APP + "/login", Map.of("username", "ops", "password", "secret"));
        assertEquals(302, login.statusCode(), login.body());
        HttpResponse<String> next = client.get(APP + "/");
        assertEquals(200, next.statusCode());
        assertNotEquals(node(login), node(next), "round robin: the next request goes to another node");
        assertTrue(next.body().contains("You were successfully logged in"), "the flash crossed nodes: " + next.body());
        assertTrue(loggedIn(next, "ops"), next.body());

        Set<String> served = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = client.get(APP + "/");
            assertEquals(200, page.statusCode());
            assertTrue(loggedIn(page, "ops"), "node " + node(page) + " does not know the user");
            assertFalse(page.body().contains("You were successfully logged in"), "a flash is shown once, anywhere");
            served.add(node(page));
        }
        assertEquals(Set.of("a", "b", "c"), served, "every node served the logged-in user");
    }

    /** What a load run counted. */
    record Load(long sent, long failed, long lost, long writes, long writesFailed, Set<String> nodes) {
        @Override
        public String toString() {
            return sent + " GETs sent, " + failed + " failed, " + lost + " sessions lost; " + writes
                    + " session writes (flashing POSTs), " + writesFailed + " failed; nodes " + nodes;
        }
    }

    /**
     * {@code clients} logged-in visitors browse through nginx until {@code during} has run (bounded by
     * {@code limit}); every {@code writeEvery}-th request of a visitor is an upload without a file, which writes a
     * flash into its cookie and redirects, and the next page (on the next node) must show it. A visitor waits
     * {@code pauseMillis} between requests.
     */
    private static Load browse(int clients, Duration limit, int writeEvery, long pauseMillis, Runnable during)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong writesFailed = new AtomicLong();
        Set<String> nodes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> visitors = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                String user = "visitor" + c;
                CookieClient client = logIn(user);
                visitors.add(pool.submit(() -> {
                    Instant end = Instant.now().plus(limit);
                    boolean expectFlash = false;
                    for (long i = 1; !stop.get() && Instant.now().isBefore(end); i++) {
                        if (pauseMillis > 0) {
                            Thread.sleep(pauseMillis);
                        }
                        try {
                            if (writeEvery > 0 && i % writeEvery == 0) {
                                // an upload without a file: a flash and a redirect, so the next page shows it;
                                // a POST is not retried on another node: it counts apart from the GETs
                                HttpResponse<String> bad = client.upload(APP + "/upload", "the_file", "", new byte[0]);
                                expectFlash = bad.statusCode() == 302;
                                writes.incrementAndGet();
                                if (!expectFlash) {
                                    writesFailed.incrementAndGet();
                                }
                                continue;
                            }
                            sent.incrementAndGet();
                            HttpResponse<String> page = client.get(APP + "/");
                            if (page.statusCode() != 200) {
                                failed.incrementAndGet();
                                problems.add(page.statusCode() + " from " + page.headers().firstValue("X-Upstream"));
                                continue;
                            }
                            nodes.add(node(page));
                            if (!loggedIn(page, user)
                                    || (expectFlash && !page.body().contains(EMPTY_UPLOAD_FLASH))) {
                                lost.incrementAndGet();
                                problems.add(user + " lost the session on node " + node(page));
                            }
                            expectFlash = false;
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            problems.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            during.run();
        } finally {
            stop.set(true);
            for (Future<?> f : visitors) {
                f.get();
            }
            pool.shutdownNow();
        }
        Load load = new Load(sent.get(), failed.get(), lost.get(), writes.get(), writesFailed.get(),
                Set.copyOf(nodes));
        assertTrue(problems.isEmpty(), load + ": " + problems.subList(0, Math.min(10, problems.size())));
        return load;
    }

    @Test
    @Order(2)
    void aNodeKilledUnderLoadCostsNoRequestAndNoSession() throws Exception {
        Standalone.Tomcat victim = NODES.get(1);
        Instant start = Instant.now();
        Load load = browse(4, Duration.ofSeconds(20), 0, 0, () -> {
            try {
                Thread.sleep(5000);
                victim.kill(); // SIGKILL: no orderly shutdown, connections in flight are reset
                Thread.sleep(Duration.ofSeconds(20).minus(Duration.between(start, Instant.now())).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.println("kill -9 of node " + victim.name + " during 20 s of load: " + load);
        Files.writeString(figures(), "kill: " + load + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, load.failed());
        assertEquals(0, load.lost());
        assertTrue(load.sent() > 100, "the load ran: " + load);
        assertFalse(victim.process.isAlive());
        victim.start(); // back for the rotation
    }

    @Test
    @Order(3)
    void rollingKeyRotationLogsNobodyOutAndNewCookiesUseTheNewKey() throws Exception {
        // Two rounds of rolling restarts, so that every running node can read every cookie at every moment:
        // 1. the new key becomes a fallback everywhere (cookies are still signed with the old key);
        // 2. the new key becomes SECRET_KEY everywhere, the old one the fallback (old cookies still read).
        List<Map<String, String>> rounds = List.of(
                Map.of("FLASK_SECRET_KEY", OLD_KEY, "FLASK_SECRET_KEY_FALLBACKS", "[\"" + NEW_KEY + "\"]"),
                Map.of("FLASK_SECRET_KEY", NEW_KEY, "FLASK_SECRET_KEY_FALLBACKS", "[\"" + OLD_KEY + "\"]"));
        CookieClient watcher = logIn("watcher");
        String before = sessionCookie(watcher);
        assertTrue(verifies(before, OLD_KEY) && !verifies(before, NEW_KEY), "signed with the old key first");
        Instant start = Instant.now();
        List<Exception> failures = new ArrayList<>();
        // with a pause between requests: the restarts, not the load, are what this measures (2 cores for all)
        Load load = browse(2, Duration.ofSeconds(180), 5, 20, () -> {
            try {
                for (Map<String, String> round : rounds) {
                    for (Standalone.Tomcat node : NODES) {
                        node.stop(); // SIGTERM: Tomcat's orderly shutdown, as a service manager does
                        node.env.putAll(round);
                        node.start();
                    }
                }
            } catch (Exception e) {
                failures.add(e);
            }
        });
        assertEquals(List.of(), failures);
        Duration took = Duration.between(start, Instant.now());
        System.out.println("rolling rotation (6 restarts, " + took.toSeconds() + " s): " + load);
        Files.writeString(figures(), "rotation (" + took.toSeconds() + " s): " + load + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, load.failed());
        assertEquals(0, load.lost());
        assertEquals(Set.of("a", "b", "c"), load.nodes());

        // the cookie from before the rotation still logs in; a session write now signs with the new key only
        assertTrue(loggedIn(watcher.get(APP + "/"), "watcher"), "logged out by the rotation");
        HttpResponse<String> write = watcher.upload(APP + "/upload", "the_file", "", new byte[0]);
        assertEquals(302, write.statusCode());
        String after = sessionCookie(watcher);
        assertNotEquals(before, after);
        assertTrue(verifies(after, NEW_KEY), "the new cookie verifies with the new key");
        assertFalse(verifies(after, OLD_KEY), "the new cookie is not signed with the old key");
        HttpResponse<String> next = watcher.get(APP + "/");
        assertTrue(loggedIn(next, "watcher") && next.body().contains(EMPTY_UPLOAD_FLASH), next.body());
    }

    private static Path figures() {
        return Path.of("target", "scale-out-figures.txt");
    }

    private static String sessionCookie(CookieClient client) {
        for (String c : client.cookieHeader().split("; ")) {
            if (c.startsWith("session=")) {
                return c.substring("session=".length());
            }
        }
        throw new AssertionError("no session cookie: " + client.cookieHeader());
    }

    /**
     * Whether Flask itself (python3, flask's SecureCookieSessionInterface) accepts {@code cookie} as signed with
     * {@code key} alone, and finds a user name in it.
     */
    private static boolean verifies(String cookie, String key) throws Exception {
        String script = "import sys\n"
                + "try:\n"
                + "    from flask import Flask\n"
                + "except ImportError:\n"
                + "    print('no-flask'); sys.exit(0)\n"
                + "from flask.sessions import SecureCookieSessionInterface\n"
                + "app = Flask('check'); app.secret_key = sys.argv[2]\n"
                + "s = SecureCookieSessionInterface().get_signing_serializer(app)\n"
                + "try:\n"
                + "    data = s.loads(sys.argv[1])\n"
                + "except Exception:\n"
                + "    print('bad'); sys.exit(0)\n"
                + "print('ok' if data.get('username') else 'empty')\n";
        String configured = System.getenv("FLASKJ_PYTHON");
        List<String> pythons = configured != null && !configured.isBlank() ? List.of(configured)
                : List.of("python3", "/usr/bin/python3");
        for (String python : pythons) {
            String out = Standalone.run(Duration.ofSeconds(30), python, "-c", script, cookie, key).trim();
            if (!out.equals("no-flask")) {
                return out.equals("ok");
            }
        }
        throw new IllegalStateException("no python3 with Flask (" + pythons + "); .ci/run installs python3-flask");
    }
}
