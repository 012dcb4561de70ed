package dev.flaskj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Deploys a web application (a WAR file or an exploded directory) in embedded Tomcat on a free loopback port,
 * for tests that need a real container: the real filter chain, {@code web.xml}, static files, the real class
 * loader.
 *
 * <pre>{@code
 * try (EmbeddedTomcat server = EmbeddedTomcat.start(Path.of("target/myapp.war"), "/myapplication")) {
 *     HttpResponse<String> r = HttpClient.newHttpClient().send(
 *             HttpRequest.newBuilder(server.baseUri().resolve("hello")).build(), BodyHandlers.ofString());
 * }
 * }</pre>
 * Add {@code org.apache.tomcat.embed:tomcat-embed-core} (10.1 or 11) to your test dependencies; flaskj declares it
 * optional. No default {@code web.xml} (so no JSP), the {@code DefaultServlet} with Tomcat's MIME types for
 * static files, no class-path jar scanning, and a temporary base directory deleted by {@link #close()}.
 * When the application fails to deploy (for example its filter's {@code init} throws), {@link #start} throws an
 * {@link IllegalStateException} whose message includes the failure and whose cause is the original error.
 */
public final class EmbeddedTomcat implements AutoCloseable {
    private final Tomcat tomcat;
    private final Context context;
    private final Path baseDir;

    private EmbeddedTomcat(Tomcat tomcat, Context context, Path baseDir) {
        this.tomcat = tomcat;
        this.context = context;
        this.baseDir = baseDir;
    }

    /**
     * Starts Tomcat on 127.0.0.1 with a free port and deploys {@code warOrDirectory} at {@code contextPath}
     * ({@code ""} for the root, else e.g. {@code /myapplication}).
     *
     * @throws IllegalStateException when the application does not start; the message carries the deployment error
     */
    public static EmbeddedTomcat start(Path warOrDirectory, String contextPath) {
        Objects.requireNonNull(contextPath, "contextPath == null");
        Path app = warOrDirectory.toAbsolutePath();
        if (!Files.exists(app)) {
            throw new IllegalArgumentException("no WAR file or webapp directory at " + app);
        }
        Path baseDir = createBaseDir();
        Tomcat tomcat = configure(baseDir);
        Context ctx = deploy(tomcat, app, contextPath);
        DeploymentErrors errors = new DeploymentErrors();
        Logger catalina = Logger.getLogger("org.apache.catalina");
        catalina.addHandler(errors);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stopQuietly(tomcat, baseDir);
            throw new IllegalStateException("Tomcat did not start: " + e.getMessage(), e);
        } finally {
            catalina.removeHandler(errors);
        }
        if (!ctx.getState().isAvailable()) {
            stopQuietly(tomcat, baseDir);
            throw errors.failure(app, contextPath);
        }
        return new EmbeddedTomcat(tomcat, ctx, baseDir);
    }

    private static Path createBaseDir() {
        try {
            Path dir = Files.createTempDirectory("flaskj-tomcat");
            // Tomcat's appBase must exist, else it logs "Exception fixing docBase" for a WAR.
            Files.createDirectories(dir.resolve("webapps"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tomcat configure(Path baseDir) {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1"); // the connector is created lazily
        // The default web.xml adds the JSP servlet, which is not on the class path.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        return tomcat;
    }

    // addServletMappingDecoded is deprecated in Tomcat 11 (not in 10.1) and still the way to map a servlet in both.
    @SuppressWarnings("deprecation")
    private static Context deploy(Tomcat tomcat, Path app, String contextPath) {
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        Context ctx = tomcat.addWebapp(tomcat.getHost(), contextPath, app.toString(), config);
        ctx.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                // Without the default web.xml, static files need the DefaultServlet and the MIME mappings.
                Wrapper defaultServlet = Tomcat.addServlet(ctx, "default",
                        "org.apache.catalina.servlets.DefaultServlet");
                defaultServlet.setLoadOnStartup(1);
                defaultServlet.setOverridable(true);
                ctx.addServletMappingDecoded("/", "default");
                Tomcat.addDefaultMimeTypeMappings(ctx);
            }
        });
        ((StandardJarScanner) ctx.getJarScanner()).setScanClassPath(false);
        if (ctx instanceof StandardContext standard) {
            // Leak detection needs --add-opens on JDK 17+ and warns at every stop without it; a test server
            // shares the test's class loader, so there is no redeployment leak to detect.
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesRmiTargets(false);
        }
        return ctx;
    }

    /** The local port Tomcat listens on. */
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>/<context path>/}, ending in {@code /} so that {@code resolve("x")} works. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + context.getPath() + "/");
    }

    /** Whether the web application is started and serving. */
    public boolean isAvailable() {
        return context.getState().isAvailable();
    }

    /** Stops Tomcat and deletes its base directory. */
    @Override
    public void close() {
        stopQuietly(tomcat, baseDir);
    }

    private static void stopQuietly(Tomcat tomcat, Path baseDir) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            Logger.getLogger(EmbeddedTomcat.class.getName()).log(Level.WARNING, "Tomcat did not stop cleanly", e);
        } finally {
            deleteRecursively(baseDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; never hide the test's own outcome behind it.
        }
    }

    /**
     * Collects the errors Tomcat logs while deploying: it reports a failing filter or listener through its
     * logger instead of throwing from {@code start()}.
     */
    private static final class DeploymentErrors extends Handler {
        private final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        synchronized IllegalStateException failure(Path app, String contextPath) {
            StringBuilder msg = new StringBuilder("The web application ").append(app).append(" did not start at '")
                    .append(contextPath).append("'");
            Throwable cause = null;
            for (LogRecord r : records) {
                msg.append("\n  ").append(r.getMessage());
                if (r.getThrown() != null) {
                    msg.append(": ").append(r.getThrown());
                    cause = cause == null ? r.getThrown() : cause;
                }
            }
            if (records.isEmpty()) {
                msg.append(" (Tomcat logged no error; check the container log)");
            }
            return new IllegalStateException(msg.toString(), cause);
        }
    }
}
