package dev.flaskj.bench;

import dev.flaskj.Flask;
import dev.flaskj.FlaskFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * Start-up and idle memory of one context, in a fresh JVM: Tomcat 11 is started and answers one request on a
 * plain {@code /ping} context first (so the container's own first-request work is not counted), then the
 * measured context is added and its {@code page} fetched.
 *
 * <p>Usage: {@code StartupProbe flaskj|raw PORT}. Prints one line:
 * {@code STARTUP context=flaskj init_to_first_response_ms=... app_to_first_response_ms=... first_response_ms=...
 * retained_heap_bytes=... process_cpu_ms=... classes_loaded=...}. {@code init_to_first_response_ms} runs from the start of {@code FlaskFilter.init}
 * (raw: the first servlet's {@code init}) to the end of the first {@code page} response, read by the client;
 * {@code app_to_first_response_ms} also counts building the app (200 extra routes, the views). The retained
 * heap is the used heap after full collections with the idle context minus the same before it was added;
 * {@code process_cpu_ms} and {@code classes_loaded} cover adding the context through the first response.
 */
public final class StartupProbe {
    private static volatile long appStart;
    private static volatile long initStart;

    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int port = Integer.parseInt(args[1]);
        Path base = Files.createTempDirectory("flaskj-startup");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Files.createDirectories(base.resolve("webapps"));
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ping = tomcat.addContext("/ping", BenchServer.docBase(base, "ping").toString());
        ServletContainerInitializer pingInit = (classes, sc) ->
                sc.addServlet("ping", new RawContext.Text("pong")).addMapping("/");
        ping.addServletContainerInitializer(pingInit, null);
        tomcat.start();
        get(port, "/ping/");
        long heapBefore = usedAfterGc();

        // What Tomcat.addContext does, with the initializer registered before the started host starts the context.
        StandardContext ctx = new StandardContext();
        ctx.setName("/" + which);
        ctx.setPath("/" + which);
        ctx.setDocBase(BenchServer.docBase(base, which).toString());
        ctx.addLifecycleListener(new Tomcat.FixContextListener());
        ServletContainerInitializer sci = switch (which) {
            case "flaskj" -> (classes, sc) -> {
                appStart = System.nanoTime();
                Flask app = FlaskjContext.createApp(sc);
                sc.addFilter("flask", new TimedFilter(new FlaskFilter(app))).addMappingForUrlPatterns(null, false,
                        "/*");
                sc.addServlet("fallback", new FlaskjContext.NotFound()).addMapping("/");
            };
            case "raw" -> (classes, sc) -> {
                appStart = System.nanoTime();
                initStart = appStart;
                RawContext.install(sc);
            };
            default -> throw new IllegalArgumentException("flaskj or raw, not " + which);
        };
        ctx.addServletContainerInitializer(sci, null);
        // Tomcat loads servlets on the first request unless told otherwise; flaskj's filter is initialised when
        // the context starts. Starting the context is part of the measured time either way.
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        tomcat.getHost().addChild(ctx);
        String body = get(port, "/" + which + "/page");
        long done = System.nanoTime();
        long cpu = processCpuNanos() - cpuBefore;
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore;
        if (!body.contains("Hello, <span>&lt;World&gt;</span>!")) {
            throw new IllegalStateException("unexpected page: " + body);
        }
        long heapAfter = usedAfterGc();
        System.out.printf("STARTUP context=%s init_to_first_response_ms=%.1f app_to_first_response_ms=%.1f "
                + "first_response_ms=%.1f retained_heap_bytes=%d process_cpu_ms=%.1f classes_loaded=%d%n", which,
                (done - initStart) / 1e6, (done - appStart) / 1e6, (done - started) / 1e6, heapAfter - heapBefore,
                cpu / 1e6, classes);
        tomcat.stop();
        tomcat.destroy();
    }

    private static String get(int port, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    /** CPU time of the whole JVM (all threads, the JIT's included): less blurred by a busy machine than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** FlaskFilter behind a filter that notes when its {@code init} starts. */
    static final class TimedFilter implements Filter {
        private final Filter delegate;

        TimedFilter(Filter delegate) {
            this.delegate = delegate;
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            initStart = System.nanoTime();
            delegate.init(config);
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            delegate.doFilter(req, res, chain);
        }

        @Override
        public void destroy() {
            delegate.destroy();
        }
    }
}
