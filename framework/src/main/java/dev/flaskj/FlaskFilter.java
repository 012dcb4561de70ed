package dev.flaskj;

import dev.flaskj.sessions.SigningKeys;
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
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The whole container integration: a servlet {@code Filter} that serves a {@link Flask} app.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>flask</filter-name>
 *   <filter-class>dev.flaskj.FlaskFilter</filter-class>
 *   <async-supported>true</async-supported>
 *   <init-param><param-name>app</param-name><param-value>com.example.Hello</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>flask</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 * Or programmatically:
 * <pre>{@code
 * FilterRegistration.Dynamic flask = servletContext.addFilter("flask", new FlaskFilter(app));
 * flask.setAsyncSupported(true);
 * flask.addMappingForUrlPatterns(null, false, "/*");
 * }</pre>
 * {@code async-supported} lets a view return a {@code CompletionStage} without holding a container thread while it
 * runs; without it such a request still works, but its thread waits for the stage and a warning is logged once.
 *
 * <p>Start-up, in order:
 * <ol>
 * <li>The app class comes from the init-param {@code app}, else the context-param {@code flask.app}, else the
 * environment variable {@code FLASK_APP}. A wrong name fails deployment with a message naming the class, where the
 * name came from, and why it failed.</li>
 * <li>Config is layered over the app's own: environment variables {@code FLASK_*} (prefix removed, values parsed as
 * JSON where they parse: {@code FLASK_SECRET_KEY}, {@code FLASK_MAX_CONTENT_LENGTH}), then a file named by
 * {@code flask.config-file} ({@code .properties} or {@code .json}), then context-params and then init-params whose
 * names are config keys in upper case ({@code SECRET_KEY}). {@code flask.debug} (init-param, else context-param)
 * sets {@code DEBUG}.</li>
 * <li>{@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS} are checked: a value that is neither a string nor bytes
 * (e.g. {@code FLASK_SECRET_KEY=false}, which parses as JSON {@code false}) fails deployment with a message naming
 * the key and its type; an empty one means "no key" ({@link SigningKeys}).</li>
 * <li>With debug off, a {@code SECRET_KEY} that is a well-known placeholder ({@code "dev"}, {@code "change-me"},
 * {@code "secret"}, blank, …) fails deployment with a message saying how to set a real key, unless config
 * {@code ALLOW_PLACEHOLDER_SECRET_KEY} is true; with debug on it is a warning.</li>
 * </ol>
 * The filter owns the URL space below its mapping: an unknown URL gets the app's 404. With the init-param
 * {@code passThrough=true}, unmatched requests continue down the filter chain instead, untouched. Requests for
 * {@code /templates/}, {@code /WEB-INF/} and {@code /META-INF/} are never passed on.
 */
public class FlaskFilter implements Filter {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FlaskFilter.class.getName());

    private final Map<String, String> env;
    private Flask app;
    private boolean passThrough;
    /** Why the app did not start, in debug mode only: every request answers it (without debug, init throws). */
    private volatile Exception startupError;
    private ServletContext servletContext;
    private ClassLoader appLoader;
    private String startupName;

    /** For {@code web.xml}: the app class is found at {@link #init}. */
    public FlaskFilter() {
        this(null, System.getenv());
    }

    /** For programmatic registration of an app you created. */
    public FlaskFilter(Flask app) {
        this(Objects.requireNonNull(app, "app == null"), System.getenv());
    }

    FlaskFilter(Flask app, Map<String, String> env) {
        this.app = app;
        this.env = env;
    }

    /** The app this filter serves; null before {@link #init}. */
    public Flask app() {
        return app;
    }

    /**
     * Loads and configures the app. Without debug mode a failure fails the deployment (a {@code ServletException}
     * whose message names what was tried and why it failed). With debug mode on ({@code flask.debug} init- or
     * context-param, else {@code FLASK_DEBUG}, else the app's {@code DEBUG} when the app was created) the failure
     * is logged and remembered instead, and every request answers 500 with the debug page for it, so the browser
     * shows why the app did not start.
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        ServletContext sc = filterConfig.getServletContext();
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        servletContext = sc;
        appLoader = tccl != null ? tccl : sc.getClassLoader();
        try {
            start(filterConfig, sc);
            startupError = null;
        } catch (ServletException | RuntimeException e) {
            if (!debugAtStartup(filterConfig)) {
                throw e;
            }
            startupError = e;
            String named = filterConfig.getInitParameter("app");
            startupName = named != null ? named : filterConfig.getFilterName();
            LOG.log(java.util.logging.Level.SEVERE, e.getMessage() + " (debug mode: every request shows this error"
                    + " until the application starts)", e);
        }
    }

    /** The error that kept the app from starting in debug mode, or null when it started. */
    Exception startupError() {
        return startupError;
    }

    private boolean debugAtStartup(FilterConfig fc) {
        String debug = param(fc, "flask.debug", null);
        if (debug == null) {
            debug = env.get("FLASK_DEBUG");
        }
        if (debug != null) {
            return Config.parseBoolean(debug);
        }
        return app != null && app.debug();
    }

    private void start(FilterConfig filterConfig, ServletContext sc) throws ServletException {
        if (app == null) {
            app = AppLoader.load(filterConfig, env::get, appLoader);
        }
        configure(app.config(), filterConfig);
        try {
            // Fail the deployment, not every request later: a key of the wrong type (FLASK_SECRET_KEY=false is
            // JSON false) can never sign, and an empty one must never verify.
            SigningKeys.fromConfig(app.config());
        } catch (IllegalStateException e) {
            throw new ServletException("flaskj: " + e.getMessage(), e);
        }
        passThrough = Config.parseBoolean(String.valueOf(param(filterConfig, "passThrough", "false")));
        app.initServletContext(sc);
        try {
            SecretKeyCheck.check(app);
            app.checkViews(); // a view that cannot bind its rule fails the deployment, not its first request
            // The template engine is chosen now: an unknown TEMPLATE_ENGINE, or jinja without Jinjava on the class
            // path, fails the deployment with the dependency to add, not the first page.
            app.templateRenderer().isJinja();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (app.debug()) {
            app.logger().warning("flaskj: debug mode is on for '" + app.name() + "' at " + sc.getContextPath()
                    + "/. Never run debug mode in production: error pages show source code and request data (to clients"
                    + " on this machine only, unless " + DebugAccess.ALLOW_REMOTE + "=true).");
        }
    }

    private void configure(Config config, FilterConfig fc) throws ServletException {
        config.fromPrefixedEnv("FLASK", env);
        String file = param(fc, "flask.config-file", null);
        if (file != null) {
            try {
                config.fromFile(java.nio.file.Path.of(file));
            } catch (IOException | IllegalArgumentException e) {
                throw new ServletException("flaskj: cannot read the config file '" + file
                        + "' named by flask.config-file: " + e.getMessage(), e);
            }
        }
        ServletContext sc = fc.getServletContext();
        for (String name : Collections.list(sc.getInitParameterNames())) {
            putIfConfigKey(config, name, sc.getInitParameter(name));
        }
        for (String name : Collections.list(fc.getInitParameterNames())) {
            putIfConfigKey(config, name, fc.getInitParameter(name));
        }
        String debug = param(fc, "flask.debug", null);
        if (debug != null) {
            config.put("DEBUG", Config.parseBoolean(debug));
        }
    }

    private static void putIfConfigKey(Config config, String name, String value) {
        if (!name.isEmpty() && name.equals(name.toUpperCase(Locale.ROOT)) && Character.isLetter(name.charAt(0))) {
            config.put(name, Config.parseJsonOrString(value));
        }
    }

    private static String param(FilterConfig fc, String name, String dflt) {
        String v = fc.getInitParameter(name);
        if (v == null) {
            v = fc.getServletContext().getInitParameter(name);
        }
        return v == null ? dflt : v;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)) {
            chain.doFilter(request, response);
            return;
        }
        Exception failed = startupError;
        if (failed != null) {
            // Debug mode kept the server up after a start-up error: every request shows it, to this machine only
            // (as the debug page), and as the plain 500 page to anyone else.
            boolean local = req.getHeader("Forwarded") == null && req.getHeader("X-Forwarded-For") == null
                    && DebugAccess.isLoopback(req.getRemoteAddr());
            if (!local) {
                Dispatcher.sendLastResortPage(res);
                return;
            }
            String name = app != null ? app.name() : startupName;
            byte[] page = DebugPage.startupError(name, failed, servletContext, appLoader)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            res.setStatus(500);
            res.setContentType("text/html; charset=utf-8");
            res.setHeader("Cache-Control", "no-store");
            res.setContentLength(page.length);
            res.getOutputStream().write(page);
            return;
        }
        Flask current = app;
        if (current == null) {
            // init has not run, or failed and the container routes requests anyway: answer without a stack trace.
            Dispatcher.sendPage(res, 503, NOT_READY_BODY);
            return;
        }
        current.handleRequest(req, res, passThrough && !isProtected(req) ? chain : null);
    }

    private static final byte[] NOT_READY_BODY = new dev.flaskj.exceptions.ServiceUnavailable().body()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Whether the container would serve a private folder for this request (its own, normalised view of the path). */
    static boolean isProtected(HttpServletRequest req) {
        String pathInfo = req.getPathInfo();
        String path = (req.getServletPath() + (pathInfo == null ? "" : pathInfo)).toLowerCase(Locale.ROOT);
        return startsWithFolder(path, "/templates") || startsWithFolder(path, "/web-inf")
                || startsWithFolder(path, "/meta-inf");
    }

    private static boolean startsWithFolder(String path, String folder) {
        return path.startsWith(folder) && (path.length() == folder.length() || path.charAt(folder.length()) == '/');
    }

    @Override
    public void destroy() {
        if (app != null) {
            app.close();
        }
    }
}
