package dev.flaskj.cli;

import dev.flaskj.FlaskFilter;
import dev.flaskj.internal.HtmlEscaping;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The development server's filter: it serves the current generation of the app (a {@link FlaskFilter} on its own
 * {@link AppClassLoader}) and, with the reloader on, replaces it when the project's sources change. Before each
 * request and every {@link #POLL_MILLIS} in the background it compares {@code src/main/java},
 * {@code src/main/resources} and {@code web.xml} with what the running generation was built from; on a change it
 * compiles all sources ({@link SourceCompiler}), copies the resources to {@code target/classes}, starts the app on a
 * fresh class loader and only then swaps it in, so a request never sees a half-started app and waits for the new
 * one instead of getting the old one. A compile error keeps the server up and answers every request with a page
 * naming the file, the line and the compiler's message, until a save fixes it. The previous generation's filter is
 * destroyed and its loader closed, and nothing here keeps a reference to it.
 */
final class DevApp implements Filter {
    static final long POLL_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(DevApp.class.getName());
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss",
            Locale.ROOT);

    /** What {@code run} was asked for. */
    record Settings(Path projectDir, String appClass, Boolean debug, boolean reload, List<Path> classPath,
            ClassLoader parent, String release) {}

    /** One started (or failed) app: exactly one of filter, compileFailure and startFailure is set. */
    private record Generation(AppClassLoader loader, FlaskFilter filter, SourceCompiler.Result compileFailure,
            Exception startFailure) {}

    private final Settings settings;
    private final PrintWriter out;
    private final Path sources;
    private final Path resources;
    private final Path classes;
    private final Path webXml;
    private final SourceCompiler compiler;
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Generation current;
    private Map<Path, String> built = Map.of();
    private ServletContext servletContext;
    private Thread watcher;
    private volatile boolean closed;
    private int reloads;
    private long lastReloadMillis;

    DevApp(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        Path dir = settings.projectDir();
        this.sources = dir.resolve("src/main/java");
        this.resources = dir.resolve("src/main/resources");
        this.classes = dir.resolve("target/classes");
        this.webXml = dir.resolve(WebXmlApp.LOCATION);
        this.compiler = new SourceCompiler(dir, sources, resources, classes, settings.classPath(),
                settings.release());
    }

    @Override
    public void init(FilterConfig config) {
        servletContext = config.getServletContext();
        synchronized (this) {
            built = snapshot();
            current = build();
        }
        if (settings.reload()) {
            watcher = new Thread(this::watch, "flaskj-reloader");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** The running app's loader (for tests: it must be released after a reload), or null. */
    ClassLoader currentLoader() {
        Generation g = current;
        return g == null ? null : g.loader();
    }

    /** The running generation's debug setting, or the requested one while no app runs. */
    boolean debug() {
        Generation g = current;
        if (g != null && g.filter() != null && g.filter().app() != null) {
            return g.filter().app().debug();
        }
        return Boolean.TRUE.equals(settings.debug());
    }

    int reloads() {
        return reloads;
    }

    long lastReloadMillis() {
        return lastReloadMillis;
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(POLL_MILLIS);
                checkForChanges();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "flaskj: the reloader failed; it keeps watching", e);
            }
        }
    }

    /** Rebuilds the app if a watched file changed since the running generation was built; true if it did. */
    synchronized boolean checkForChanges() {
        if (closed || !settings.reload()) {
            return false;
        }
        Map<Path, String> now = snapshot();
        if (now.equals(built)) {
            return false;
        }
        // An editor may write a file in several steps: wait until two looks agree, for at most a second.
        for (int i = 0; i < 20; i++) {
            sleepQuietly(25);
            Map<Path, String> again = snapshot();
            if (again.equals(now)) {
                break;
            }
            now = again;
        }
        out.println(" * Detected change in '" + describeChange(built, now) + "', reloading");
        out.flush();
        long start = System.nanoTime();
        Map<Path, String> previous = built;
        built = now;
        copyResources(previous, now);
        reload(build());
        lastReloadMillis = (System.nanoTime() - start) / 1_000_000;
        return true;
    }

    /** Swaps the new generation in once no request runs on the old one, then releases the old one. */
    private void reload(Generation next) {
        Generation old;
        swap.writeLock().lock();
        try {
            old = current;
            current = next;
            reloads++;
        } finally {
            swap.writeLock().unlock();
        }
        release(old);
    }

    private Generation build() {
        if (settings.reload()) {
            SourceCompiler.Result result;
            try {
                result = compiler.compileAll();
            } catch (IOException e) {
                result = new SourceCompiler.Result(false, List.of(new SourceCompiler.Problem("", 0,
                        "cannot compile: " + e)), 0, 0);
            }
            if (!result.ok()) {
                printProblems(result);
                return new Generation(null, null, result, null);
            }
        }
        AppClassLoader loader = new AppClassLoader(classes, settings.parent());
        FlaskFilter filter = new FlaskFilter();
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            filter.init(new DevFilterConfig(servletContext, initParams()));
            return new Generation(loader, filter, null, null);
        } catch (ServletException | RuntimeException e) {
            LOG.log(Level.SEVERE, e.getMessage(), e);
            closeQuietly(loader);
            return new Generation(null, null, null, e);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /** The {@code FlaskFilter}'s init-params of web.xml, with {@code --app} and {@code --debug} over them. */
    private Map<String, String> initParams() {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            params.putAll(WebXmlApp.filterParams(settings.projectDir()));
        } catch (IOException e) {
            LOG.warning("flaskj: " + e.getMessage());
        }
        if (settings.appClass() != null) {
            params.put("app", settings.appClass());
        }
        if (settings.debug() != null) {
            params.put("flask.debug", settings.debug().toString());
        }
        return params;
    }

    private void release(Generation old) {
        if (old == null) {
            return;
        }
        if (old.filter() != null) {
            Thread thread = Thread.currentThread();
            ClassLoader saved = thread.getContextClassLoader();
            thread.setContextClassLoader(old.loader());
            try {
                old.filter().destroy();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "flaskj: the previous app did not stop cleanly", e);
            } finally {
                thread.setContextClassLoader(saved);
            }
        }
        if (old.loader() != null) {
            closeQuietly(old.loader());
        }
        clearLibraryCaches();
    }

    /**
     * Thymeleaf evaluates {@code ${...}} with OGNL, whose static caches keep every class a template touched (and so
     * its class loader) for the life of the JVM. Each of its class caches is told not to keep the app's classes (a
     * {@code ClassCacheInspector}), and what it keys by method is emptied after each swap, with the JDK's bean
     * introspection cache it fills. Through reflection: OGNL
     * comes with Thymeleaf, and an app may run without it.
     */
    private static void clearLibraryCaches() {
        // OGNL asks java.beans for properties, whose cache holds classes softly: gone only under memory pressure.
        java.beans.Introspector.flushCaches();
        try {
            Class<?> ognl = Class.forName("ognl.OgnlRuntime", false, DevApp.class.getClassLoader());
            Class<?> inspector = Class.forName("ognl.ClassCacheInspector", false, ognl.getClassLoader());
            Object notAppClasses = java.lang.reflect.Proxy.newProxyInstance(ognl.getClassLoader(),
                    new Class<?>[] {inspector}, (proxy, method, args) -> switch (method.getName()) {
                        case "shouldCache" -> !(args[0] instanceof Class<?> c
                                && c.getClassLoader() instanceof AppClassLoader);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "flaskj: no app classes in OGNL's caches";
                    });
            // setClassCacheInspector reaches only some of the caches; the accessor caches need it one by one.
            Class<?> cacheType = Class.forName("ognl.internal.ClassCache", false, ognl.getClassLoader());
            java.lang.reflect.Method setInspector = cacheType.getMethod("setClassInspector", inspector);
            for (java.lang.reflect.Field f : ognl.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (cacheType.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    setInspector.invoke(f.get(null), notAppClasses);
                } else if (f.getType().isArray() && cacheType.isAssignableFrom(f.getType().getComponentType())) {
                    f.setAccessible(true);
                    for (Object cache : (Object[]) f.get(null)) {
                        setInspector.invoke(cache, notAppClasses);
                    }
                }
            }
            ognl.getMethod("clearCache").invoke(null);
            ognl.getMethod("clearAdditionalCache").invoke(null);
        } catch (ClassNotFoundException e) {
            // no OGNL, no cache to empty
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "flaskj: cannot empty OGNL's caches", e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)) {
            chain.doFilter(request, response);
            return;
        }
        checkForChanges();
        swap.readLock().lock();
        try {
            Generation g = current;
            if (g.compileFailure() != null) {
                sendPage(res, compileErrorPage(g.compileFailure()));
            } else if (g.startFailure() != null) {
                // without debug mode the page tells nothing; the terminal has the error (as a container's log)
                sendPage(res, "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
                        + "<h1>Internal Server Error</h1>\n<p>The application did not start; the development"
                        + " server's output says why.</p>\n");
            } else {
                Thread thread = Thread.currentThread();
                ClassLoader saved = thread.getContextClassLoader();
                thread.setContextClassLoader(g.loader());
                try {
                    g.filter().doFilter(req, res, chain);
                } finally {
                    thread.setContextClassLoader(saved);
                }
            }
        } finally {
            swap.readLock().unlock();
            logRequest(req, res);
        }
    }

    /** One line per request, as Werkzeug's development server prints it. */
    private void logRequest(HttpServletRequest req, HttpServletResponse res) {
        String query = req.getQueryString();
        out.println(req.getRemoteAddr() + " - - [" + ZonedDateTime.now().format(LOG_TIME) + "] \"" + req.getMethod()
                + " " + req.getRequestURI() + (query == null ? "" : "?" + query) + " " + req.getProtocol() + "\" "
                + res.getStatus() + " -");
        out.flush();
    }

    private static void sendPage(HttpServletResponse res, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        res.setStatus(500);
        res.setContentType("text/html; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** The compile-error page: each error's file and line, the compiler's message and the lines around it. */
    String compileErrorPage(SourceCompiler.Result result) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>Compilation failed //"
                + " flaskj development server</title>\n<link rel=icon href=\"data:,\">\n<style>body{font-family:"
                + "system-ui,sans-serif;margin:1em 2em}h1{font-size:1.6em;color:#8b1e1e}.errormsg{font-family:"
                + "monospace;background:#fbeaea;padding:.6em;border-left:4px solid #b33;white-space:pre-wrap}"
                + "pre.source{background:#f4f4f4;padding:.4em}pre.source .current{background:#ffd9d9;"
                + "display:block;font-weight:bold}</style>\n</head>\n<body>\n<h1>Compilation failed</h1>\n<p>")
                .append(result.problems().size()).append(result.problems().size() == 1 ? " error" : " errors")
                .append(" in ").append(escape(settings.projectDir().relativize(sources).toString()))
                .append(". Fix the source and save: the next request compiles it again.</p>\n");
        for (SourceCompiler.Problem p : result.problems()) {
            html.append("<div class=problem>\n<h2><code>").append(escape(p.file()))
                    .append(p.line() > 0 ? ":" + p.line() : "").append("</code></h2>\n<p class=errormsg>")
                    .append(escape(p.message())).append("</p>\n");
            appendSource(html, p);
            html.append("</div>\n");
        }
        html.append("<p class=footer>flaskj development server</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private void appendSource(StringBuilder html, SourceCompiler.Problem p) {
        if (p.line() <= 0 || p.file().isEmpty()) {
            return;
        }
        Path file = settings.projectDir().resolve(p.file()).normalize();
        if (!file.startsWith(sources)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        int line = (int) p.line();
        html.append("<pre class=source>");
        for (int n = Math.max(1, line - 3); n <= Math.min(lines.size(), line + 3); n++) {
            String text = escape(String.format(Locale.ROOT, "%5d  %s", n, lines.get(n - 1)));
            html.append(n == line ? "<span class=current>" + text + "</span>" : text + "\n");
        }
        html.append("</pre>\n");
    }

    private void printProblems(SourceCompiler.Result result) {
        out.println(" * Compilation failed: the server keeps running and shows the errors until a save fixes them.");
        for (SourceCompiler.Problem p : result.problems()) {
            out.println(p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": error: " + p.message());
        }
        out.flush();
    }

    private static String escape(String s) {
        return HtmlEscaping.escape(s);
    }

    // ------------------------------------------------------------------ the watched files

    /** Every watched file with its modification time and size. */
    private Map<Path, String> snapshot() {
        Map<Path, String> files = new HashMap<>();
        for (Path root : List.of(sources, resources)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> files.put(p, stamp(p)));
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file deleted while walking: the next look sees the folder as it is then
            }
        }
        if (Files.isRegularFile(webXml)) {
            files.put(webXml, stamp(webXml));
        }
        return files;
    }

    private static String stamp(Path p) {
        try {
            return Files.getLastModifiedTime(p).toString() + "/" + Files.size(p);
        } catch (IOException e) {
            return "gone";
        }
    }

    private String describeChange(Map<Path, String> before, Map<Path, String> after) {
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<Path, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (Path p : before.keySet()) {
            if (!after.containsKey(p)) {
                changed.add(p);
            }
        }
        Collections.sort(changed);
        return changed.isEmpty() ? "" : changed.get(0).toString();
    }

    /** Copies new and changed resources to target/classes and removes the copies of deleted ones. */
    private void copyResources(Map<Path, String> before, Map<Path, String> after) {
        try {
            for (Map.Entry<Path, String> e : after.entrySet()) {
                Path p = e.getKey();
                if (p.startsWith(resources) && !e.getValue().equals(before.get(p))) {
                    Path target = classes.resolve(resources.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Path p : before.keySet()) {
                if (p.startsWith(resources) && !after.containsKey(p)) {
                    Files.deleteIfExists(classes.resolve(resources.relativize(p).toString()));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "flaskj: cannot copy resources to " + classes, e);
        }
    }

    @Override
    public void destroy() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        synchronized (this) {
            Generation g = current;
            current = null;
            release(g);
        }
    }

    private static void closeQuietly(AppClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // an open jar cannot leak here: the loader reads only a folder
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The FlaskFilter's configuration: web.xml's init-params with the command line's over them. */
    private record DevFilterConfig(ServletContext servletContext, Map<String, String> params)
            implements FilterConfig {
        @Override
        public String getFilterName() {
            return "flask";
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public String getInitParameter(String name) {
            return params.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(params.keySet());
        }
    }
}
