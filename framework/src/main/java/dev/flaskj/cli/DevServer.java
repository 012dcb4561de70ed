package dev.flaskj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.webresources.StandardRoot;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * {@code run}: the development server, Flask's {@code flask run}. Embedded Tomcat (on the class path of
 * {@code exec:java}; flaskj declares it optional) serves the project's {@code src/main/webapp} as the webapp root,
 * so templates and static files are read as they are on disk, and the app from {@code target/classes} through a
 * {@link DevApp}, which with the reloader on recompiles and restarts the app when a source changes. It listens on
 * 127.0.0.1:5000 unless told otherwise and runs until the JVM stops (Ctrl+C).
 */
final class DevServer implements AutoCloseable {
    /** Flask's defaults for {@code flask run}. */
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 5000;

    /** Tomcat logs its start and stop at INFO; the dev server prints its own banner instead. Kept strongly. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    /** What the command line asked for. */
    record Options(Path projectDir, String appClass, String host, int port, String contextPath, Boolean debug,
            boolean reload) {}

    private final Tomcat tomcat;
    private final DevApp app;
    private final Path baseDir;
    private final Context context;

    private DevServer(Tomcat tomcat, DevApp app, Path baseDir, Context context) {
        this.tomcat = tomcat;
        this.app = app;
        this.baseDir = baseDir;
        this.context = context;
    }

    /**
     * Starts the server and prints Flask's banner to {@code out}.
     *
     * @throws IllegalStateException when Tomcat cannot start, e.g. the port is in use (the message says so)
     */
    static DevServer start(Options options, PrintWriter out) {
        Path project = options.projectDir().toAbsolutePath().normalize();
        ClassLoader frameworkLoader = DevServer.class.getClassLoader();
        DevApp app = new DevApp(new DevApp.Settings(project, options.appClass(), options.debug(), options.reload(),
                classPath(frameworkLoader), frameworkLoader, System.getProperty("flaskj.release", "17")), out);
        if (TOMCAT_LOG.getLevel() == null) {
            TOMCAT_LOG.setLevel(Level.WARNING);
        }
        Path baseDir = tempDir();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = tomcat.getConnector();
        connector.setPort(options.port());
        connector.setProperty("address", options.host());
        connector.setThrowOnFailure(true);
        Path webapp = project.resolve("src/main/webapp");
        if (!Files.isDirectory(webapp)) {
            webapp = baseDir.resolve("webapp");
            createDirectories(webapp);
        }
        String path = options.contextPath().equals("/") ? "" : options.contextPath();
        Context ctx = tomcat.addContext(path, webapp.toString());
        configure(ctx, app, project);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stopQuietly(tomcat, baseDir);
            throw new IllegalStateException(startFailure(options, e), e);
        }
        if (ctx.getState() != LifecycleState.STARTED) {
            stopQuietly(tomcat, baseDir);
            throw new IllegalStateException("the development server did not start (Tomcat's log says why)");
        }
        DevServer server = new DevServer(tomcat, app, baseDir, ctx);
        server.banner(options, out);
        return server;
    }

    // addServletMappingDecoded is deprecated in Tomcat 11 (not in 10.1) and still the way to map a servlet in both.
    @SuppressWarnings("deprecation")
    private static void configure(Context ctx, DevApp app, Path project) {
        StandardRoot resources = new StandardRoot(ctx);
        resources.setCachingAllowed(false); // an edited template or static file is read on the next request
        ctx.setResources(resources);
        try {
            for (Map.Entry<String, String> p : WebXmlApp.contextParams(project).entrySet()) {
                ctx.addParameter(p.getKey(), p.getValue());
            }
        } catch (IOException e) {
            Logger.getLogger(DevServer.class.getName()).warning("flaskj: " + e.getMessage());
        }
        // Pass-through requests (passThrough=true) end at the container's static files, as in a deployment.
        Wrapper files = Tomcat.addServlet(ctx, "default", new DefaultServlet());
        files.setLoadOnStartup(1);
        ctx.addServletMappingDecoded("/", "default");
        Tomcat.addDefaultMimeTypeMappings(ctx);
        FilterDef def = new FilterDef();
        def.setFilterName("flask");
        def.setFilter(app);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("flask");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        if (ctx instanceof StandardContext standard) {
            // The app's loaders are the dev server's own (DevApp); Tomcat's leak checks would only warn at stop.
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesRmiTargets(false);
        }
    }

    private static String startFailure(Options options, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                // Werkzeug's words for the same failure
                return "Address already in use\nPort " + options.port() + " is in use by another program. Either"
                        + " identify and stop that program, or start the server with a different port.";
            }
        }
        return "the development server did not start: " + e.getMessage();
    }

    private void banner(Options options, PrintWriter out) {
        String name = options.appClass();
        if (name == null) {
            try {
                name = WebXmlApp.find(options.projectDir()).orElse(null);
            } catch (IOException e) {
                name = null;
            }
        }
        out.println(" * Serving Flask app '" + (name == null ? "" : name) + "'");
        out.println(" * Debug mode: " + (app.debug() ? "on" : "off"));
        out.println("WARNING: This is a development server. Do not use it in a production deployment. Deploy the WAR"
                + " to a servlet container instead.");
        String path = context.getPath();
        if (options.host().equals("0.0.0.0") || options.host().equals("::")) {
            out.println(" * Running on all addresses (" + options.host() + ")");
            out.println(" * Running on http://127.0.0.1:" + port() + path);
        } else {
            String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
            out.println(" * Running on http://" + host + ":" + port() + path);
        }
        out.println("Press CTRL+C to quit");
        if (options.reload()) {
            out.println(" * Reloader: watching src/main/java and src/main/resources (compiles with -parameters)");
        }
        out.flush();
    }

    /** The port Tomcat listens on (the chosen one with {@code --port 0}). */
    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + context.getPath() + "/");
    }

    DevApp app() {
        return app;
    }

    /** Blocks until the JVM is stopped (Ctrl+C runs the shutdown hook that closes the server). */
    void await() throws InterruptedException {
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        stopQuietly(tomcat, baseDir);
    }

    /**
     * The class path the app compiles against: {@code flaskj.class.path} if set, else the URLs of the loader that
     * loaded flaskj when it is a URL loader of its own (as {@code mvn exec:java}'s is), else {@code java.class.path}.
     */
    static List<Path> classPath(ClassLoader loader) {
        String explicit = System.getProperty("flaskj.class.path");
        List<Path> paths = new ArrayList<>();
        if (explicit == null && loader instanceof URLClassLoader urls && loader != ClassLoader.getSystemClassLoader()) {
            for (URL u : urls.getURLs()) {
                try {
                    if ("file".equals(u.getProtocol())) {
                        paths.add(Path.of(u.toURI()));
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a local file: javac could not read it either
                }
            }
            return paths;
        }
        String cp = explicit != null ? explicit : System.getProperty("java.class.path", "");
        for (String part : cp.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part));
            }
        }
        return paths;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("flaskj-run");
            Files.createDirectories(dir.resolve("webapps"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly(Tomcat tomcat, Path baseDir) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            Logger.getLogger(DevServer.class.getName()).log(Level.WARNING, "Tomcat did not stop cleanly", e);
        } finally {
            try (Stream<Path> paths = Files.walk(baseDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp folder is harmless
            }
        }
    }
}
