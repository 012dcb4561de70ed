package dev.flaskj.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Servers as operations runs them: a Tomcat or Jetty distribution started as its own process with its own scripts,
 * nginx and PostgreSQL from the machine's packages. Every process is stopped by its id and every folder is deleted
 * in {@link #close}, and by a JVM shutdown hook if a test never got there.
 */
final class Standalone {
    private static final Set<Owned> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Owned::close), "standalone-cleanup"));
    }

    private Standalone() {}

    /** Something a test started that must go away with it. */
    interface Owned extends AutoCloseable {
        @Override
        void close();
    }

    static <T extends Owned> T own(T thing) {
        LIVE.add(thing);
        return thing;
    }

    static void disown(Owned thing) {
        LIVE.remove(thing);
    }

    static Path tomcatHome() {
        return dist("it.tomcat.home");
    }

    static Path jettyHome() {
        return dist("it.jetty.home");
    }

    static Path jdbcDriver() {
        return dist("it.jdbc.driver");
    }

    private static Path dist(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException(property + "=" + value + " is missing: run the build from the repository "
                    + "root (src-it's pre-integration-test phase unpacks the distributions)");
        }
        return Path.of(value).toAbsolutePath();
    }

    /** A port free on 127.0.0.1 right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new folder under target/it-tmp, deleted by {@link #delete}. */
    static Path tempDir(String label) throws IOException {
        Path base = Files.createDirectories(Path.of("target", "it-tmp"));
        return Files.createTempDirectory(base, "standalone-" + label + "-").toAbsolutePath();
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a folder that cannot be walked is left for `mvn clean`; the test result does not depend on it
        }
    }

    /** Polls {@code uri} until it answers {@code status}, or fails after {@code limit}. */
    static void awaitStatus(URI uri, int status, Duration limit, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> r = Http.get(uri);
                if (r.statusCode() == status) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(uri + " did not answer " + status + " within " + limit + " (last: " + last
                + ")\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            if (log == null || !Files.exists(log)) {
                return "";
            }
            String s = Files.readString(log);
            return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Stops a process and its children by id: SIGTERM, then SIGKILL after {@code graceSeconds}. */
    static void stop(Process process, long graceSeconds) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** How many live instances of the classes {@code classNames} the JVM {@code pid} has, after a full GC. */
    static long liveInstances(long pid, Set<String> classNames) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
        // "  num     #instances         #bytes  class name (module)"
        long n = 0;
        for (String line : out.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && classNames.contains(cols[3])) {
                n += Long.parseLong(cols[1]);
            }
        }
        return n;
    }

    /** Polls {@link #liveInstances} (each call is a full GC) until it is {@code expected}; returns the last count. */
    static long awaitLiveInstances(long pid, Set<String> className, long expected, Duration limit)
            throws Exception {
        Instant deadline = Instant.now().plus(limit);
        long n = liveInstances(pid, className);
        while (n != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            n = liveInstances(pid, className);
        }
        return n;
    }

    /** Common to both containers: one server process, one webapps folder, one HTTP port on 127.0.0.1. */
    abstract static class Node implements TestServer, Owned {
        final String name;
        final Path base;
        final int port;
        final Map<String, String> env = new LinkedHashMap<>();
        Process process;

        Node(String name, Path base, int port) {
            this.name = name;
            this.base = base;
            this.port = port;
        }

        abstract Path webapps();

        abstract List<String> command();

        abstract Path log();

        /** The WAR as {@code webapps/myapplication.war}, written beside and moved in, so no half file is seen. */
        void deployWar(Path war) throws IOException {
            Path tmp = base.resolve("myapplication.war.tmp");
            Files.copy(war, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, webapps().resolve("myapplication.war"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }

        /** Replaces the deployed WAR with {@code war}, as an operator does to ship a new version. */
        void redeployWar(Path war) throws Exception {
            deployWar(war);
        }

        /** Starts the server process and waits until {@code /myapplication/} answers 200. */
        void start() throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command()).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().putAll(env);
            process = pb.start();
            own(this);
            awaitStatus(uri(Containers.CONTEXT_PATH + "/"), 200, Duration.ofSeconds(120), process, log());
        }

        /** SIGTERM (the container's own orderly shutdown), SIGKILL after 20 s. */
        void stop() {
            Standalone.stop(process, 20);
        }

        /** SIGKILL, as a crashed machine would. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        long pid() {
            return process.pid();
        }

        @Override
        public URI base() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            stop();
            disown(this);
            delete(base);
        }
    }

    /** A Tomcat distribution: CATALINA_HOME shared, one CATALINA_BASE of its own, started by {@code catalina.sh run}. */
    static final class Tomcat extends Node {
        Tomcat(String name, Path base, int port) {
            super(name, base, port);
        }

        /**
         * A CATALINA_BASE with the distribution's conf/ (server.xml on {@code 127.0.0.1:port}, shutdown port
         * disabled, connector bound only once the webapps are deployed) and an empty webapps/.
         */
        static Tomcat create(String name, String contextXml) throws IOException {
            Path base = tempDir("tomcat-" + name);
            int port = freePort();
            Path conf = Files.createDirectories(base.resolve("conf"));
            try (Stream<Path> files = Files.list(tomcatHome().resolve("conf"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, conf.resolve(f.getFileName()));
                }
            }
            for (String dir : List.of("webapps", "logs", "temp", "work", "lib")) {
                Files.createDirectories(base.resolve(dir));
            }
            String xml = Files.readString(conf.resolve("server.xml"));
            xml = replaceOnce(xml, "<Server port=\"8005\"", "<Server port=\"-1\"");
            // bindOnInit=false: the port opens when the webapps are deployed, so a balancer sees a starting node as
            // down (connection refused) rather than as a node that accepts and then hangs.
            xml = replaceOnce(xml, "<Connector port=\"8080\"",
                    "<Connector port=\"" + port + "\" address=\"127.0.0.1\" bindOnInit=\"false\"");
            // the background processor (WAR redeploy checks, session store writes) every second instead of ten
            xml = replaceOnce(xml, "<Engine name=\"Catalina\" defaultHost=\"localhost\">",
                    "<Engine name=\"Catalina\" defaultHost=\"localhost\" backgroundProcessorDelay=\"1\">");
            Files.writeString(conf.resolve("server.xml"), xml);
            if (contextXml != null) {
                Files.writeString(conf.resolve("context.xml"), contextXml);
            }
            Tomcat t = new Tomcat(name, base, port);
            t.env.put("CATALINA_HOME", tomcatHome().toString());
            t.env.put("CATALINA_BASE", base.toString());
            t.env.put("CATALINA_OUT", base.resolve("logs/catalina.out").toString());
            return t;
        }

        @Override
        Path webapps() {
            return base.resolve("webapps");
        }

        @Override
        List<String> command() {
            // `run`: in the foreground, the script exec's the JVM, so this process id is Tomcat's
            return List.of("/bin/sh", tomcatHome().resolve("bin/catalina.sh").toString(), "run");
        }

        @Override
        Path log() {
            return base.resolve("logs/console.log");
        }
    }

    /** A Jetty home with a jetty.base of its own, made by {@code start.jar --add-modules}, run by {@code start.jar}. */
    static final class Jetty extends Node {
        private final List<String> properties = new ArrayList<>();

        Jetty(String name, Path base, int port) {
            super(name, base, port);
        }

        /** {@code java -jar start.jar --add-modules=...} in a new jetty.base; {@code properties} go on the command line. */
        static Jetty create(String name, String modules, List<String> properties) throws Exception {
            Path base = tempDir("jetty-" + name);
            int port = freePort();
            Path log = base.resolve("console.log");
            Process add = new ProcessBuilder(java(), "-jar", jettyHome().resolve("start.jar").toString(),
                    "jetty.home=" + jettyHome(), "jetty.base=" + base, "--add-modules=" + modules)
                    .directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!add.waitFor(60, TimeUnit.SECONDS) || add.exitValue() != 0) {
                add.destroyForcibly();
                delete(base);
                throw new IllegalStateException("--add-modules failed:\n" + tail(log));
            }
            Files.createDirectories(base.resolve("webapps"));
            // where Jetty unpacks WARs (${jetty.base}/work when it exists, else the system temp folder)
            Files.createDirectories(base.resolve("work"));
            Path jdbcIni = base.resolve("start.d/session-store-jdbc.ini");
            if (Files.exists(jdbcIni)) {
                // a JDBC driver URL rather than a JNDI data source: one line in the ini the module wrote
                Files.writeString(jdbcIni, replaceOnce(Files.readString(jdbcIni), "\ndb-connection-type=datasource",
                        "\ndb-connection-type=driver"));
            }
            Jetty j = new Jetty(name, base, port);
            j.properties.add("jetty.http.host=127.0.0.1");
            j.properties.add("jetty.http.port=" + port);
            // the deployer notices a replaced WAR within a second
            j.properties.add("jetty.deploy.scanInterval=1");
            j.properties.addAll(properties);
            return j;
        }

        @Override
        Path webapps() {
            return base.resolve("webapps");
        }

        /**
         * Removes the old WAR and waits for the undeployment before dropping the new one in: Jetty 12.1 starts the
         * replacement of a changed WAR before it stops the old context, and the new context then reads the old
         * context's still-open view of the archive at the same path, serving the old version.
         */
        @Override
        void redeployWar(Path war) throws Exception {
            Files.delete(webapps().resolve("myapplication.war"));
            awaitStatus(uri(Containers.CONTEXT_PATH + "/"), 404, Duration.ofSeconds(60), process, log());
            deployWar(war);
        }

        @Override
        List<String> command() {
            List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jettyHome().resolve("start.jar").toString(),
                    "jetty.home=" + jettyHome(), "jetty.base=" + base));
            cmd.addAll(properties);
            return cmd;
        }

        @Override
        Path log() {
            return base.resolve("console.log");
        }
    }

    /** nginx from the machine's package, with its own config, pid file, logs and temp folders in one folder. */
    static final class Nginx implements TestServer, Owned {
        private final Path dir;
        private final int port;
        private Process process;

        private Nginx(Path dir, int port) {
            this.dir = dir;
            this.port = port;
        }

        /**
         * Round robin over {@code upstreams}; a node that refuses or times out (or answers 502) is skipped for an
         * idempotent request, which goes to the next node. The header {@code X-Upstream} names the node(s) tried.
         */
        static Nginx start(List<Integer> upstreams) throws Exception {
            Path dir = tempDir("nginx");
            int port = freePort();
            StringBuilder servers = new StringBuilder();
            // max_fails=0: never take a node out of the rotation for fail_timeout after one refused connection. A node
            // restarted a moment ago would otherwise still count as down while the next one restarts, and with two
            // of three nodes "down" a third node's hiccup leaves nginx no upstream at all (502 from "flaskj").
            upstreams.forEach(p -> servers.append("    server 127.0.0.1:").append(p).append(" max_fails=0;\n"));
            String conf = (System.getProperty("user.name").equals("root") ? "user root;\n" : "")
                    + "worker_processes 1;\n"
                    + "pid " + dir.resolve("nginx.pid") + ";\n"
                    + "error_log " + dir.resolve("error.log") + " warn;\n"
                    + "events { worker_connections 512; }\n"
                    + "http {\n"
                    + "  access_log " + dir.resolve("access.log") + ";\n"
                    + "  client_body_temp_path " + dir.resolve("client_body") + ";\n"
                    + "  proxy_temp_path " + dir.resolve("proxy") + ";\n"
                    + "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                    + "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                    + "  scgi_temp_path " + dir.resolve("scgi") + ";\n"
                    + "  upstream flaskj {\n" + servers + "  }\n"
                    + "  server {\n"
                    + "    listen 127.0.0.1:" + port + ";\n"
                    + "    location / {\n"
                    + "      proxy_pass http://flaskj;\n"
                    + "      proxy_set_header Host $http_host;\n"
                    + "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                    + "      proxy_set_header X-Forwarded-Proto $scheme;\n"
                    + "      proxy_connect_timeout 1s;\n"
                    + "      proxy_read_timeout 30s;\n"
                    + "      proxy_next_upstream error timeout http_502;\n"
                    + "      proxy_next_upstream_tries 3;\n"
                    + "      add_header X-Upstream $upstream_addr always;\n"
                    + "    }\n"
                    + "  }\n"
                    + "}\n";
            Path confFile = dir.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            Nginx n = new Nginx(dir, port);
            String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            n.process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", confFile.toString(), "-g",
                    "daemon off;").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile()).start();
            own(n);
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                while (true) {
                    if (!n.process.isAlive()) {
                        throw new IllegalStateException("nginx exited:\n" + tail(dir.resolve("console.log"))
                                + tail(dir.resolve("error.log")));
                    }
                    try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                        break;
                    } catch (IOException e) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new IllegalStateException("nginx did not listen on " + port);
                        }
                        Thread.sleep(100);
                    }
                }
            } catch (Exception e) {
                n.close();
                throw e;
            }
            return n;
        }

        @Override
        public URI base() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        @Override
        public String name() {
            return "nginx";
        }

        @Override
        public void close() {
            Standalone.stop(process, 10);
            disown(this);
            delete(dir);
        }
    }

    /**
     * A PostgreSQL server from the machine's package on a loopback port, its cluster in a new folder (initdb), run
     * as the {@code postgres} user when this JVM is root (initdb refuses root).
     */
    static final class Postgres implements Owned {
        final int port;
        private final Path dir;
        private final boolean asPostgresUser;

        private Postgres(Path dir, int port, boolean asPostgresUser) {
            this.dir = dir;
            this.port = port;
            this.asPostgresUser = asPostgresUser;
        }

        static Postgres start() throws Exception {
            Path bin = binDir();
            boolean root = System.getProperty("user.name").equals("root");
            Path dir = tempDir("postgres");
            Postgres pg = own(new Postgres(dir, freePort(), root));
            try {
                if (root) {
                    run(Duration.ofSeconds(10), "chown", "-R", "postgres:postgres", dir.toString());
                }
                Path data = dir.resolve("data");
                pg.runAs(Duration.ofSeconds(120), bin.resolve("initdb").toString(), "-D", data.toString(),
                        "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
                pg.runAs(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                        "-t", "50", "-l", dir.resolve("postgres.log").toString(), "-o",
                        "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            } catch (Exception e) {
                pg.close();
                throw e;
            }
            return pg;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        }

        /** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin. */
        private static Path binDir() throws IOException {
            Path root = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("PostgreSQL is not installed (Debian package postgresql)");
            }
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                        .orElseThrow(() -> new IllegalStateException("no pg_ctl under " + root));
            }
        }

        private String runAs(Duration limit, String... cmd) throws Exception {
            if (!asPostgresUser) {
                return run(limit, cmd);
            }
            List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            all.addAll(List.of(cmd));
            return run(limit, all.toArray(String[]::new));
        }

        @Override
        public void close() {
            try {
                Path data = dir.resolve("data");
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    runAs(Duration.ofSeconds(60), binDir().resolve("pg_ctl").toString(), "-D", data.toString(),
                            "-m", "immediate", "-w", "stop");
                }
            } catch (Exception e) {
                // fall through: the folder goes anyway, and a server left behind is named in the log
                System.err.println("could not stop PostgreSQL in " + dir + ": " + e);
            }
            disown(this);
            delete(dir);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException("not found in the distribution's file: " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** Runs a command to its end (bounded), failing with its output if it fails. */
    static String run(Duration limit, String... cmd) throws Exception {
        // output to a file, not a pipe: a daemon the command leaves running (pg_ctl start) may keep a pipe open
        Path out = Files.createTempFile("standalone-run", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not end within " + limit);
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
