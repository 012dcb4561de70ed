package dev.flaskj;

import dev.flaskj.cli.AppGroup;
import dev.flaskj.cli.CliRunner;
import dev.flaskj.internal.Throwables;
import dev.flaskj.json.JsonProvider;
import dev.flaskj.routing.Converters;
import dev.flaskj.routing.Rule;
import dev.flaskj.routing.RuleSpec;
import dev.flaskj.routing.UrlBuilder;
import dev.flaskj.routing.UrlContext;
import dev.flaskj.routing.UrlMap;
import dev.flaskj.sessions.SessionInterface;
import dev.flaskj.templating.TemplateLocation;
import dev.flaskj.templating.TemplateRenderer;
import dev.flaskj.templating.TemplateScope;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The application: its URL rules, views, hooks, error handlers, config and extensions, plus Flask's helper
 * functions (Flask: {@code flask.Flask} and the {@code flask} module's functions).
 *
 * <pre>{@code
 * public class Hello extends Flask {
 *     @Route("/")
 *     String helloWorld() { return "Hello, World!"; }
 *
 *     @Route("/user/<username>")
 *     String showUserProfile(String username) { return "User " + escape(username); }
 * }
 * }</pre>
 * Install it in a servlet container with {@link FlaskFilter}. Setup (routes, hooks, handlers, blueprints) must be
 * complete before the first request; afterwards the registries are read-only, so one instance serves all threads.
 *
 * <p>The static helpers ({@code request()}, {@code urlFor(...)}, {@code redirect(...)}, ...) are inherited by
 * subclasses; elsewhere {@code import static dev.flaskj.Flask.*;}. Each calls an overridable instance method on
 * the current app ({@link #buildUrl}, {@link #createRedirect}, ...), as Flask's helpers do.
 */
public class Flask extends Scaffold {
    private static final String SETUP_AFTER_FIRST_REQUEST = "The setup method '%s' can no longer be called on the"
            + " application. It has already handled its first request, any changes will not be applied"
            + " consistently.\nMake sure all imports, annotations, functions, etc. needed to set up the application"
            + " are done before running it.";

    private final String name;
    private final Config config = new Config();
    private final Logger logger;
    private final UrlMap urlMap = new UrlMap();
    private final UrlBuilder urlBuilder = new UrlBuilder(urlMap);
    private final Map<String, View> viewFunctions = new HashMap<>();
    private final ScopeHooks appHooks = new ScopeHooks();
    private final List<ScopeHooks> appScopeOnly = List.of(appHooks);
    private final Map<String, ScopeHooks> blueprintHooks = new HashMap<>();
    private final Map<String, Blueprint> blueprints = new LinkedHashMap<>();
    private final List<TeardownFunction> teardownAppcontext = new ArrayList<>();
    private final Map<String, Object> extensions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Dispatcher dispatcher = new Dispatcher(this);
    private final Signal.Receivers signalReceivers = Signals.newReceivers();
    private final Map<String, TemplateFilter> templateFilters = new LinkedHashMap<>();
    private final Map<String, Object> templateGlobals = new LinkedHashMap<>();
    private final Map<String, TemplateTest> templateTests = new LinkedHashMap<>();
    private volatile JsonProvider json;
    private volatile SessionInterface sessionInterface;
    private volatile ServletContext servletContext;
    private volatile Path privateTempDir;
    private volatile boolean gotFirstRequest;
    private volatile Map<String, List<ScopeHooks>> scopesByBlueprint = Map.of();
    private final List<PendingCheck> pendingChecks = new ArrayList<>();
    private final View staticView = args -> serveStaticFile(args.get("filename"));
    private AppGroup cli; // made on first use: most deployments never run a command

    {
        staticFolder = "static";
    }

    /** An app named after its class; subclasses' annotated methods are registered now. */
    public Flask() {
        this(null);
    }

    /**
     * An app with a name for its logger (null: the class name); subclasses' annotated methods are registered now.
     * {@code FLASK_DEBUG} in the environment sets {@code DEBUG}, as Flask reads it when the app is created.
     */
    public Flask(String name) {
        this.name = name == null || name.isEmpty() ? getClass().getName() : name;
        this.logger = Logger.getLogger(this.name);
        String debugEnv = System.getenv("FLASK_DEBUG");
        if (debugEnv != null) {
            config.put("DEBUG", Config.parseBoolean(debugEnv));
        }
        addStaticRule();
        addConverters(urlMap.converters());
        ViewBinder.bind(this, this, Flask.class);
    }

    /**
     * Override to register custom URL converters (Flask: {@code app.url_map.converters[name] = ...}). Called by the
     * constructor before the annotated routes are registered, so it runs before the subclass's fields are set:
     * register factories, don't read instance fields.
     * <pre>{@code
     * protected void addConverters(Converters converters) {
     *     converters.register("list", (args, kwargs) -> new ListConverter());
     * }
     * }</pre>
     */
    protected void addConverters(Converters converters) {}

    // ------------------------------------------------------------------ the app's own API

    /**
     * Serves the static files under another URL path (Flask: {@code static_url_path}), e.g.
     * {@code setStaticUrlPath("/assets")} for {@code /assets/style.css}; a trailing slash is dropped and {@code ""}
     * serves them from the root. The {@code static} endpoint and {@code urlFor("static", "filename", ...)} follow.
     * Call it in the constructor (before the first request). Null: derived from the folder, {@code /static} by
     * default.
     */
    public final void setStaticUrlPath(String path) {
        checkSetup(this);
        staticUrlPath = withoutTrailingSlash(path);
        addStaticRule();
    }

    /**
     * Serves static files from another folder of the webapp root (class path outside a container) (Flask:
     * {@code static_folder}), e.g. {@code "assets"} or {@code "web/public"}; unless a URL path was set, the URL
     * path becomes {@code "/" +} the folder's last segment, as in Flask. Null: no static route at all. Call it in
     * the constructor.
     *
     * @throws IllegalArgumentException for an absolute folder or one with {@code ..}
     */
    public final void setStaticFolder(String folder) {
        checkSetup(this);
        staticFolder = folder == null ? null : relativeFolder(folder);
        addStaticRule();
    }

    /** A webapp-relative folder name without leading or trailing slashes; never absolute, never with {@code ..}. */
    static String relativeFolder(String folder) {
        String f = folder.replace('\\', '/');
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        for (String segment : f.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || (segment.isEmpty())) {
                throw new IllegalArgumentException("folder '" + folder + "' must be a relative path inside the"
                        + " webapp root, without '.', '..' or empty segments, e.g. \"static\" or \"web/assets\"");
            }
        }
        return f;
    }

    /** (Re-)registers the {@code static} rule for the current folder and URL path (Flask's constructor does it). */
    private void addStaticRule() {
        urlMap.removeEndpoint("static");
        viewFunctions.remove("static");
        String path = staticUrlPath();
        if (path != null) {
            addUrlRule(path + "/<path:filename>", "static", staticView);
        }
    }

    /** The app's name: its logger's name. */
    public final String name() {
        return name;
    }

    /** The configuration, mutable (Flask: {@code app.config}). */
    public final Config config() {
        return config;
    }

    /** The app's JDK logger, named after the app, so records land in the container's log (Flask: {@code app.logger}). */
    public final Logger logger() {
        return logger;
    }

    /** Whether debug mode is on: config {@code DEBUG} (Flask: {@code app.debug}). */
    public final boolean debug() {
        return config.getBoolean("DEBUG", false);
    }

    /** Whether testing mode is on: config {@code TESTING} (Flask: {@code app.testing}). */
    public final boolean testing() {
        return config.getBoolean("TESTING", false);
    }

    /** The URL map: the registered rules, in registration order, and the converters (Flask: {@code app.url_map}). */
    public final UrlMap urlMap() {
        return urlMap;
    }

    /** Extension state by name (Flask: {@code app.extensions}); thread-safe. */
    public final Map<String, Object> extensions() {
        return extensions;
    }

    /** The JSON provider for {@code jsonify} and {@code request().json()} (Flask: {@code app.json}). */
    public final JsonProvider json() {
        JsonProvider j = json;
        if (j == null) {
            synchronized (this) {
                if (json == null) {
                    json = new JsonProvider();
                }
                j = json;
            }
        }
        return j;
    }

    /**
     * How sessions are loaded and saved (Flask: {@code app.session_interface}): the signed cookie by default, the
     * container's {@code HttpSession} when config {@code SESSION_INTERFACE} is {@code "container"}.
     */
    public final SessionInterface sessionInterface() {
        SessionInterface si = sessionInterface;
        if (si == null) {
            synchronized (this) {
                if (sessionInterface == null) {
                    sessionInterface = SessionInterface.forKind(config.getString("SESSION_INTERFACE", "cookie"));
                }
                si = sessionInterface;
            }
        }
        return si;
    }

    /** Replaces the session interface; call during setup. */
    public final void setSessionInterface(SessionInterface sessionInterface) {
        this.sessionInterface = Objects.requireNonNull(checkSetup(sessionInterface), "sessionInterface == null");
    }

    /** The servlet context the app runs in, or null outside a container (test client, scripts). */
    public final ServletContext servletContext() {
        return servletContext;
    }

    /** Registers a function run when each app context is popped (Flask: {@code teardown_appcontext}). */
    public final void teardownAppcontext(TeardownFunction f) {
        teardownAppcontext.add(checkSetup(f));
    }

    /**
     * Registers a template filter under {@code name} (Flask: {@code add_template_filter}); a later registration
     * under the same name replaces the earlier one. In Thymeleaf: {@code ${#flask.filter('name', value, args...)}}.
     * <pre>{@code
     * app.templateFilter("reverse", (value, args) -> new StringBuilder(String.valueOf(value)).reverse().toString());
     * }</pre>
     * An exception the filter throws fails the render with a {@code TemplateException} naming the template and
     * line, which a view turns into a 500 (or the debug page).
     *
     * @throws IllegalStateException after the app handled its first request
     */
    public final void templateFilter(String name, TemplateFilter f) {
        templateFilters.put(requireTemplateName(name), checkSetup(f));
    }

    /**
     * Registers a variable every template sees (Flask: {@code add_template_global}), as {@code ${name}} in
     * Thymeleaf. A render's own variables and the context processors' override a global of the same name, as
     * Jinja's render context overrides its globals. Register an object to give templates its methods:
     * {@code templateGlobal("fmt", new Formats())} is called as {@code ${fmt.money(price)}}.
     *
     * @throws IllegalArgumentException for Thymeleaf's reserved names {@code session}, {@code param},
     *     {@code application}
     * @throws IllegalStateException after the app handled its first request
     */
    public final void templateGlobal(String name, Object value) {
        String n = requireTemplateName(name);
        if (n.equals("session") || n.equals("param") || n.equals("application")) {
            throw new IllegalArgumentException("The template global name '" + n + "' is reserved (Thymeleaf's "
                    + n + " object; 'session' is the Flask session): rename it.");
        }
        templateGlobals.put(n, checkSetup(value));
    }

    /**
     * Registers a template test under {@code name} (Flask: {@code add_template_test}); in Thymeleaf
     * {@code ${#flask.test('name', value, args...)}}, e.g. {@code th:if="${#flask.test('prime', n)}"}.
     *
     * @throws IllegalStateException after the app handled its first request
     */
    public final void templateTest(String name, TemplateTest t) {
        templateTests.put(requireTemplateName(name), checkSetup(t));
    }

    private static String requireTemplateName(String name) {
        if (Objects.requireNonNull(name, "name == null").isEmpty()) {
            throw new IllegalArgumentException("a template filter, global or test needs a non-empty name");
        }
        return name;
    }

    /**
     * The registered template filters by name, read-only, in registration order (Flask: {@code jinja_env.filters},
     * without Jinja's built-in ones); every template engine reads its filters from here.
     */
    public final Map<String, TemplateFilter> templateFilters() {
        return Collections.unmodifiableMap(templateFilters);
    }

    /** The registered template globals by name, read-only (Flask: {@code jinja_env.globals}, the app's own). */
    public final Map<String, Object> templateGlobals() {
        return Collections.unmodifiableMap(templateGlobals);
    }

    /** The registered template tests by name, read-only (Flask: {@code jinja_env.tests}, the app's own). */
    public final Map<String, TemplateTest> templateTests() {
        return Collections.unmodifiableMap(templateTests);
    }

    /** This app's signal listeners; {@link Signal} reads and changes them. */
    final Signal.Receivers signalReceivers() {
        return signalReceivers;
    }

    /** Registers {@code blueprint} with its own URL prefix (Flask: {@code register_blueprint}). */
    public final void registerBlueprint(Blueprint blueprint) {
        registerBlueprint(blueprint, blueprint.urlPrefix());
    }

    /**
     * Registers {@code blueprint} under {@code urlPrefix} (null: none): its rules get the prefix and endpoints
     * {@code name.method}, its hooks and error handlers apply to the requests it handles.
     *
     * @throws IllegalArgumentException if a blueprint is already registered under the name
     */
    public final void registerBlueprint(Blueprint blueprint, String urlPrefix) {
        registerBlueprint(blueprint, urlPrefix, blueprint.name());
    }

    /**
     * Registers {@code blueprint} under another name (Flask: {@code register_blueprint(bp, name=...)}), so one
     * blueprint can be mounted twice: {@code registerBlueprint(admin, "/a2", "admin2")} gives endpoints
     * {@code admin2.*}. Blueprints nested in it are registered too, as {@code name.child}, prefixes joined.
     *
     * @throws IllegalArgumentException if a blueprint is already registered under the name, or it has a dot
     */
    public final void registerBlueprint(Blueprint blueprint, String urlPrefix, String name) {
        registerBlueprint(blueprint, urlPrefix, name, Map.of());
    }

    /**
     * Registers {@code blueprint} with default view arguments for all its rules, this registration only (Flask:
     * {@code register_blueprint(bp, url_defaults=...)}); a rule's own defaults win over them.
     * <pre>{@code
     * registerBlueprint(shop, "/de", "shop_de", Map.of("lang", "de"));   // every shop view gets lang="de"
     * registerBlueprint(shop, "/fr", "shop_fr", Map.of("lang", "fr"));
     * }</pre>
     *
     * @param name null: the blueprint's own name
     * @throws IllegalArgumentException if a blueprint is already registered under the name, or it has a dot
     */
    public final void registerBlueprint(Blueprint blueprint, String urlPrefix, String name,
            Map<String, ?> urlDefaults) {
        checkSetup(blueprint);
        String n = name == null ? blueprint.name() : name;
        if (n.isEmpty() || n.contains(".")) {
            throw new IllegalArgumentException("'name' may not be empty or contain a dot '.' character.");
        }
        registerAs(blueprint, urlPrefix, n, Map.copyOf(Objects.requireNonNull(urlDefaults, "urlDefaults == null")));
    }

    /** Flask's BlueprintSetupState.add_url_rule: the registration's url_defaults, then the rule's own defaults. */
    private static RuleOptions withUrlDefaults(RuleOptions options, Map<String, Object> urlDefaults) {
        if (urlDefaults.isEmpty()) {
            return options;
        }
        Map<String, Object> merged = new LinkedHashMap<>(urlDefaults);
        merged.putAll(options.defaultValues());
        return options.defaults(merged);
    }

    private void registerAs(Blueprint blueprint, String urlPrefix, String fullName, Map<String, Object> urlDefaults) {
        Blueprint existing = blueprints.get(fullName);
        if (existing != null) {
            throw new IllegalArgumentException("The name '" + fullName + "' is already registered for "
                    + (existing == blueprint ? "this" : "a different") + " blueprint. Use registerBlueprint(bp,"
                    + " prefix, name) to provide a unique name.");
        }
        boolean first = true; // Flask: first_registration, by identity over the blueprints registered so far
        for (Blueprint b : blueprints.values()) {
            first &= b != blueprint;
        }
        blueprints.put(fullName, blueprint);
        blueprintHooks.put(fullName, blueprint.scopeHooks());
        blueprint.templateFilters().forEach(this::templateFilter);
        blueprint.templateGlobals().forEach(this::templateGlobal);
        blueprint.templateTests().forEach(this::templateTest);
        blueprint.onRegister(this, first);
        String staticPath = blueprint.staticUrlPath();
        if (staticPath != null) {
            // Flask's Blueprint.register adds the static rule first, before the blueprint's own rules.
            onRule(Blueprint.joinRule(urlPrefix, staticPath + "/<path:filename>"), fullName + ".static",
                    blueprint.staticView(), withUrlDefaults(RuleOptions.defaultOptions(), urlDefaults));
        }
        for (Blueprint.Deferred rule : blueprint.rules()) {
            onRule(Blueprint.joinRule(urlPrefix, rule.rule()), fullName + "." + rule.endpoint(), rule.view(),
                    withUrlDefaults(rule.options(), urlDefaults));
        }
        for (Blueprint.Nested child : blueprint.children()) {
            String childPrefix = child.urlPrefix() == null ? urlPrefix
                    : Blueprint.joinRule(urlPrefix == null ? "" : urlPrefix, child.urlPrefix());
            registerAs(child.blueprint(), childPrefix, fullName + "." + child.blueprint().name(), Map.of());
        }
    }

    /** Runs {@code extension.initApp(this)}; returns this app, for chaining in factories. */
    public final Flask register(Extension extension) {
        extension.initApp(this);
        return this;
    }

    /** A new application context for this app, pushed; close it to pop (Flask: {@code app.app_context()}). */
    public final AppContext appContext() {
        return new AppContext(this).push();
    }

    /**
     * A request context for a servlet request, pushed (Flask: {@code app.request_context(environ)}): URL matching
     * runs, views and hooks do not. Close it to pop.
     */
    public final RequestContext requestContext(HttpServletRequest request) {
        return new RequestContext(this, request, null).push();
    }

    // ================================================================== loading (owned by dev.flaskj.cli)

    /**
     * Creates the app named {@code className} exactly as {@link FlaskFilter} does: a {@code Flask} subclass with a
     * no-argument constructor, or a class with {@code public static Flask createApp()}; for tools such as the
     * command line ({@code dev.flaskj.cli.FlaskCli}).
     * <pre>{@code
     * Flask app = Flask.load("com.example.Hello", "--app");
     * }</pre>
     *
     * @param source where the name came from, for the error message (e.g. {@code "environment variable FLASK_APP"})
     * @throws IllegalArgumentException with the filter's message when the class is missing or is not an app
     */
    public static Flask load(String className, String source) {
        Objects.requireNonNull(className, "className == null");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return AppLoader.create(className.trim(), source, loader != null ? loader : Flask.class.getClassLoader());
        } catch (ServletException e) {
            throw new IllegalArgumentException(e.getMessage(), e.getCause());
        }
    }

    /**
     * The app's custom commands for the command line (Flask: {@code app.cli}); methods annotated with
     * {@link dev.flaskj.cli.Command} are registered on first use.
     * <pre>{@code
     * app.cli().command("init-db", "Clear the existing data and create new tables.", ctx -> {
     *     initDb();
     *     ctx.out().println("Initialized the database.");
     *     return 0;
     * });
     * }</pre>
     *
     * @throws IllegalArgumentException for a {@code @Command} method with an unusable signature or name
     */
    public final synchronized AppGroup cli() {
        if (cli == null) {
            cli = new AppGroup(this);
        }
        return cli;
    }

    /** Runs this app's command line in-process (Flask: {@code app.test_cli_runner()}); see {@link CliRunner}. */
    public final CliRunner testCliRunner() {
        return new CliRunner(this);
    }

    // ================================================================== testing (begin; owned by dev.flaskj.testing)

    /** A test client with a cookie jar (Flask: {@code app.test_client()}); see {@link TestClient}. */
    public final TestClient testClient() {
        return new TestClient(this);
    }

    /** A test client; {@code useCookies=false} keeps no cookie jar (Flask: {@code test_client(use_cookies=False)}). */
    public final TestClient testClient(boolean useCookies) {
        return new TestClient(this, useCookies);
    }

    /**
     * A pushed request context for a GET of {@code path} (Flask: {@code app.test_request_context(path)}): URL
     * matching runs, views and hooks do not. Close it to pop.
     * <pre>{@code
     * try (RequestContext ctx = app.testRequestContext("/hello")) {
     *     assertEquals("/hello", request().path());
     * }
     * }</pre>
     */
    public final RequestContext testRequestContext(String path) {
        return testRequestContext(TestRequest.get(path));
    }

    /** {@link #testRequestContext(String)} with another method. */
    public final RequestContext testRequestContext(String path, String method) {
        return testRequestContext(TestRequest.of(method, path));
    }

    /** A pushed request context for a full test request (query, form, JSON, headers, base URL). */
    public final RequestContext testRequestContext(TestRequest request) {
        return requestContext(request.toServletRequest(this));
    }

    /**
     * Serves one request as {@link #handleRequest} does, then pushes its request context (and the app context the
     * request pushed) again, so that {@code request()}, {@code session()} and {@code g()} still read that request;
     * close the result to pop them (Flask: the test client's {@code preserve_context}). As in Flask, the teardown
     * functions run when the request ends and again when the kept contexts are popped, and the app context is
     * pushed a second time (signals included). When the request throws, nothing is kept. For test clients (see
     * {@link TestClient#keepContext()}); never call it while serving requests.
     */
    public final AutoCloseable handleRequestKeepingContext(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        KeptContext kept = new KeptContext();
        dispatcher.handle(request, response, null, kept);
        return kept.pushAgain();
    }

    /**
     * Removes every app and request context from the current thread; returns whether there was any. For test
     * harnesses (see {@link dev.flaskj.testing.LeakedContexts}); never call it while serving requests.
     */
    public static boolean clearContextsForTesting() {
        return ContextStack.clear();
    }

    // ================================================================== testing (end)

    /**
     * Serves one servlet request through the whole Flask pipeline: context push, URL matching, hooks, view,
     * error handlers, response conversion, session save, write, context pop (Flask: {@code wsgi_app}).
     * {@link FlaskFilter} calls it; so does the test client.
     *
     * @param passThrough the filter chain to continue when no rule matches (the filter's {@code passThrough}
     *     option), or null to answer 404
     */
    public final void handleRequest(HttpServletRequest request, HttpServletResponse response, FilterChain passThrough)
            throws IOException, ServletException {
        dispatcher.handle(request, response, passThrough);
    }

    /** Called by {@link FlaskFilter} once, before the first request: binds the app to its container. */
    void initServletContext(ServletContext context) {
        this.servletContext = context;
    }

    /**
     * Where large uploads are spooled while a request runs (each request makes its own owner-only folder inside):
     * the container's private temp folder for this web application (servlet context attribute
     * {@code jakarta.servlet.context.tempdir}), else a folder of this app's own, created with an unpredictable name
     * and owner-only permissions. Never a fixed, shared name in {@code java.io.tmpdir}, which another local user
     * could create first or link elsewhere.
     */
    Path uploadTempDir() {
        ServletContext sc = servletContext;
        if (sc != null && sc.getAttribute(ServletContext.TEMPDIR) instanceof java.io.File dir) {
            return dir.toPath();
        }
        Path own = privateTempDir;
        if (own == null) {
            synchronized (this) {
                own = privateTempDir;
                if (own == null) {
                    try {
                        own = Files.createTempDirectory("flaskj-uploads-");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot create a temp folder for uploads", e);
                    }
                    privateTempDir = own;
                }
            }
        }
        return own;
    }

    /** Releases what the app holds (the JSON provider, its own upload folder); called when the filter is destroyed. */
    void close() {
        JsonProvider j = json;
        if (j != null) {
            j.close();
        }
        Path own = privateTempDir;
        if (own != null) {
            try {
                Files.deleteIfExists(own); // empty by now: each request removes its own folder
            } catch (IOException e) {
                logger.log(java.util.logging.Level.FINE, "upload temp folder not removed: " + own, e);
            }
        }
    }

    // ------------------------------------------------------------------ overridable instance hooks

    /**
     * Builds a URL for {@code endpoint}; {@link #urlFor} delegates here (Flask: {@code app.url_for}).
     * Override to change URL generation app-wide.
     */
    public String buildUrl(String endpoint, Map<String, ?> values) {
        RequestContext ctx = ContextStack.requestOrNull();
        String resolved = endpoint;
        if (endpoint.startsWith(".")) {
            String bp = ctx == null ? null : ctx.request().blueprint();
            resolved = bp == null ? endpoint.substring(1) : bp + endpoint;
        }
        values = injectUrlDefaults(resolved, values);
        if (ctx != null) {
            Request r = ctx.request();
            return urlBuilder.urlFor(resolved, values, new UrlContext(r.scheme(), r.host(), r.scriptRoot()), false);
        }
        String serverName = config.getString("SERVER_NAME", null);
        if (serverName == null) {
            throw new IllegalStateException("Unable to build URLs outside an active request without 'SERVER_NAME'"
                    + " configured. Also configure 'APPLICATION_ROOT' and 'PREFERRED_URL_SCHEME' as needed.");
        }
        String root = config.getString("APPLICATION_ROOT", "/");
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return urlBuilder.urlFor(resolved, values,
                new UrlContext(config.getString("PREFERRED_URL_SCHEME", "http"), serverName, root), true);
    }

    /**
     * Runs the URL defaults functions for {@code endpoint}: the app's, then those of the blueprints the endpoint
     * names, outer to inner (Flask: {@code inject_url_defaults}). They see the values without the {@code _}
     * options, which are put back after them. Returns {@code values} itself when no function applies.
     */
    private Map<String, ?> injectUrlDefaults(String endpoint, Map<String, ?> values) {
        List<ScopeHooks> scopes = new ArrayList<>(3);
        scopes.add(appHooks);
        for (int dot = endpoint.indexOf('.'); dot >= 0; dot = endpoint.indexOf('.', dot + 1)) {
            ScopeHooks h = blueprintHooks.get(endpoint.substring(0, dot));
            if (h != null) {
                scopes.add(h);
            }
        }
        Map<String, Object> plain = null;
        Map<String, Object> options = null;
        for (ScopeHooks scope : scopes) {
            for (UrlDefaultsFunction f : scope.urlDefaults) {
                if (plain == null) {
                    plain = new LinkedHashMap<>();
                    options = new LinkedHashMap<>();
                    for (Map.Entry<String, ?> e : values.entrySet()) {
                        (URL_FOR_OPTIONS.contains(e.getKey()) ? options : plain).put(e.getKey(), e.getValue());
                    }
                }
                try {
                    f.apply(endpoint, plain);
                } catch (Exception e) {
                    throw Throwables.sneaky(e);
                }
            }
        }
        if (plain == null) {
            return values;
        }
        plain.putAll(options);
        return plain;
    }

    private static final java.util.Set<String> URL_FOR_OPTIONS = java.util.Set.of("_external", "_anchor",
            "_method", "_scheme");

    /** Creates a redirect response; {@link #redirect} delegates here (Flask: {@code app.redirect}). */
    public Response createRedirect(String location, int code) {
        return Response.redirect(location, code);
    }

    /**
     * Turns a view's return value into a response (Flask: {@code app.make_response}); {@link #makeResponse}
     * delegates here. Override to support more return types.
     */
    public Response toResponse(Object rv) {
        return ReturnValues.toResponse(this, rv);
    }

    // --- templating and files

    private final TemplateRenderer templateRenderer = new TemplateRenderer(this);

    /**
     * Where templates are looked up, in order; the first location that has a name wins, for every template
     * engine (Flask: {@code app.jinja_loader}, then each blueprint's {@code jinja_loader}, as the
     * {@code DispatchingJinjaLoader} tries them):
     * <ol>
     * <li>the app's folder: config {@code TEMPLATE_FOLDER} (a file-system folder) when set; else in a servlet
     *     container the webapp's {@code /templates/} and then {@code templates/} on the class path; outside a
     *     container (scripts, the test client) {@code templates/} on the class path;</li>
     * <li>then each registered blueprint's {@link Blueprint#setTemplateFolder template folder}, in registration
     *     order (nested ones right after their parent; a blueprint registered twice once): in a container its
     *     webapp folder and then the same folder on the blueprint's class path, outside one the class path.</li>
     * </ol>
     * Computed on each call, from the config and the blueprints registered so far.
     */
    public final List<TemplateLocation> templateLocations() {
        List<TemplateLocation> out = new ArrayList<>(4);
        boolean container = servletContext != null;
        String folder = config.getString("TEMPLATE_FOLDER", null);
        if (folder != null) {
            out.add(new TemplateLocation(TemplateLocation.Kind.FILE_SYSTEM,
                    Path.of(folder).toAbsolutePath().normalize().toString(), null, null));
        } else {
            addTemplateFolder(out, "templates", getClass().getClassLoader(), null, container);
        }
        java.util.Set<Blueprint> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, Blueprint> e : blueprints.entrySet()) { // registration order (LinkedHashMap)
            Blueprint bp = e.getValue();
            if (bp.templateFolder() != null && seen.add(bp)) {
                addTemplateFolder(out, bp.templateFolder(), bp.getClass().getClassLoader(), e.getKey(), container);
            }
        }
        return List.copyOf(out);
    }

    private static void addTemplateFolder(List<TemplateLocation> out, String folder,
            ClassLoader loader, String blueprint, boolean container) {
        if (container) {
            out.add(new TemplateLocation(TemplateLocation.Kind.WEBAPP,
                    folder, null, blueprint));
        }
        out.add(new TemplateLocation(TemplateLocation.Kind.CLASSPATH,
                folder, loader, blueprint));
    }

    /** The app's Thymeleaf renderer (Flask: {@code app.jinja_env}); customise its engine before the first render. */
    public final TemplateRenderer templateRenderer() {
        return templateRenderer;
    }

    /**
     * Renders a template from the template folder; {@link #renderTemplate} delegates here (Flask:
     * {@code render_template}). Override to add variables to every template, as a context processor would.
     */
    public String render(String name, Map<String, ?> context) {
        RequestContext ctx = ContextStack.requestOrNull();
        return renderWithSignals(name, false, templateContext(ctx, context), ctx);
    }

    /**
     * Renders the first of {@code names} that exists; {@link #renderTemplate(List, Object...)} delegates here (Flask:
     * {@code render_template} with a list).
     */
    public String render(List<String> names, Map<String, ?> context) {
        RequestContext ctx = ContextStack.requestOrNull();
        return renderWithSignals(templateRenderer.select(names), false, templateContext(ctx, context), ctx);
    }

    /**
     * A response that renders {@code name} while it is written (Flask: {@code stream_template});
     * {@link #streamTemplate} delegates here. The template is looked up now (a missing one fails now); its
     * variables and context processors are evaluated now; its body is produced while the response is written, with
     * the request context still pushed, so {@code request}, {@code session}, {@code g} and {@code urlFor} work in it.
     */
    public Response stream(String name, Map<String, ?> context) {
        String selected = templateRenderer.select(List.of(name));
        RequestContext ctx = ContextStack.requestOrNull();
        Map<String, ?> vars = templateContext(ctx, context);
        TemplateScope scope = templateScope(ctx);
        return Response.writer(out -> templateRenderer.stream(selected, vars, scope, out), -1, "text/html");
    }

    /** {@link #stream} for a template given as text (Flask: {@code stream_template_string}). */
    public Response streamString(String source, Map<String, ?> context) {
        Objects.requireNonNull(source, "source == null");
        RequestContext ctx = ContextStack.requestOrNull();
        Map<String, ?> vars = templateContext(ctx, context);
        TemplateScope scope = templateScope(ctx);
        return Response.writer(out -> templateRenderer.streamString(source, vars, scope, out), -1, "text/html");
    }

    /** Renders a template given as text; {@link #renderTemplateString} delegates here. */
    public String renderString(String source, Map<String, ?> context) {
        RequestContext ctx = ContextStack.requestOrNull();
        return renderWithSignals(source, true, templateContext(ctx, context), ctx);
    }

    /**
     * Renders, sending before-render-template and template-rendered around it when anyone listens (Flask's
     * {@code _render}): the listeners get the variables as one mutable map, with {@code g} and {@code request} as
     * Flask's default context processor adds them, and the render uses that map, so a change made before the render
     * is what the template sees.
     */
    private String renderWithSignals(String nameOrSource, boolean isString, Map<String, ?> vars,
            RequestContext ctx) {
        TemplateScope scope = templateScope(ctx);
        boolean before = Signals.BEFORE_RENDER_TEMPLATE.hasReceivers(this);
        boolean after = Signals.TEMPLATE_RENDERED.hasReceivers(this);
        Map<String, ?> used = vars;
        Map<String, Object> signalled = null;
        String templateName = isString ? null : nameOrSource;
        if (before || after) {
            signalled = new LinkedHashMap<>();
            if (ContextStack.appOrNull() != null) {
                signalled.put("g", scope.g());
            }
            if (ctx != null) {
                signalled.put("request", ctx.request());
            }
            signalled.putAll(vars);
            used = signalled;
            if (before) {
                Signals.BEFORE_RENDER_TEMPLATE.send(this,
                        new Signals.BeforeRenderTemplate(this, templateName, signalled));
            }
        }
        String html = isString ? templateRenderer.renderString(nameOrSource, used, scope)
                : templateRenderer.render(nameOrSource, used, scope);
        if (after) {
            Signals.TEMPLATE_RENDERED.send(this, new Signals.TemplateRendered(this, templateName, signalled));
        }
        return html;
    }

    /** What the template sees of the current contexts: request, session (opened on use), g, servlet response. */
    private static TemplateScope templateScope(RequestContext ctx) {
        AppContext appCtx = ContextStack.appOrNull();
        Map<String, Object> g = appCtx == null ? Map.of() : appCtx.g().asMap();
        if (ctx == null) {
            return appCtx == null ? TemplateScope.NONE : new TemplateScope(null, null, g, null);
        }
        return new TemplateScope(ctx.request(), ctx::session, g, ctx.servletResponse());
    }

    /**
     * The render's variables with the context processors' added (Flask: {@code update_template_context}): the
     * app's first, then the request's blueprints from outer to inner, then the variables passed, each overriding
     * what came before.
     */
    private Map<String, ?> templateContext(RequestContext ctx, Map<String, ?> passed) {
        List<ScopeHooks> scopes = ctx == null ? appScopeOnly : ctx.scopes();
        Map<String, Object> merged = null;
        for (int s = scopes.size() - 1; s >= 0; s--) {
            for (ContextProcessorFunction f : scopes.get(s).contextProcessors) {
                Map<String, ?> added;
                try {
                    added = f.process();
                } catch (Exception e) {
                    throw Throwables.sneaky(e);
                }
                if (added != null) {
                    merged = merged == null ? new HashMap<>() : merged;
                    merged.putAll(added);
                }
            }
        }
        if (merged == null) {
            return passed;
        }
        merged.putAll(passed);
        return merged;
    }

    /**
     * A response sending {@code file} inline under its own name; see {@link #serveFile(Path, SendFileOptions)}.
     *
     * @param mimetype null to guess it from the file name
     */
    public Response serveFile(Path file, String mimetype) throws IOException {
        return serveFile(file, SendFileOptions.mimetype(mimetype));
    }

    /**
     * {@link #serveFile(Path, SendFileOptions)} with these options.
     *
     * @param mimetype null to guess it from the download name
     * @param asAttachment {@code Content-Disposition: attachment} (a download) instead of {@code inline}
     * @param downloadName the name the client sees and the type is guessed from; null for the file's own name
     */
    public Response serveFile(Path file, String mimetype, boolean asAttachment, String downloadName)
            throws IOException {
        return serveFile(file, SendFileOptions.mimetype(mimetype).asAttachment(asAttachment)
                .downloadName(downloadName));
    }

    /**
     * A response sending {@code file}; {@link #sendFile(Path, SendFileOptions)} delegates here (Flask:
     * {@code send_file}). Override to change how every file is sent.
     *
     * @throws dev.flaskj.exceptions.NotFound when {@code file} is not a regular file
     */
    public Response serveFile(Path file, SendFileOptions options) throws IOException {
        return FileSender.send(this, FileSender.fromPath(file), options, currentRequestOrNull());
    }

    /**
     * A response sending {@code data}, which has no name of its own; {@link #sendFile(byte[], SendFileOptions)}
     * delegates here.
     *
     * @throws IllegalArgumentException without a mimetype or download name (Flask's message)
     */
    public Response serveFile(byte[] data, SendFileOptions options) {
        return FileSender.send(this, FileSender.fromBytes(data), options, currentRequestOrNull());
    }

    /**
     * A response streaming {@code in} (unknown length: no Content-Length, no ranges); {@link #sendFile(InputStream,
     * SendFileOptions)} delegates here.
     *
     * @throws IllegalArgumentException without a mimetype or download name (Flask's message)
     */
    public Response serveFile(InputStream in, SendFileOptions options) {
        return FileSender.send(this, FileSender.fromStream(in), options, currentRequestOrNull());
    }

    /** A response sending {@code filename} from {@code directory}, 404 when unsafe or missing; see {@link #sendFromDirectory}. */
    public Response serveFromDirectory(Path directory, String filename) throws IOException {
        return serveFromDirectory(directory, filename, SendFileOptions.defaults());
    }

    /** {@link #serveFromDirectory(Path, String)} as an attachment and/or under another name, as in {@link #serveFile}. */
    public Response serveFromDirectory(Path directory, String filename, boolean asAttachment, String downloadName)
            throws IOException {
        return serveFromDirectory(directory, filename, SendFileOptions.asAttachment(asAttachment)
                .downloadName(downloadName));
    }

    /**
     * A response sending {@code filename} from {@code directory} with {@code options}, 404 when unsafe or missing;
     * {@link #sendFromDirectory(Path, String, SendFileOptions)} delegates here (Flask: {@code send_from_directory}).
     */
    public Response serveFromDirectory(Path directory, String filename, SendFileOptions options) throws IOException {
        return FileSender.send(this, FileSender.fromDirectory(directory, filename), options, currentRequestOrNull());
    }

    /**
     * A response sending {@code filename} from the webapp's {@code static/} folder (class path {@code static/}
     * outside a container); the {@code static} endpoint and {@link #sendStaticFile} use it (Flask:
     * {@code app.send_static_file}).
     */
    public Response serveStaticFile(String filename) throws IOException {
        return serveStatic(staticFolder, filename, getClass().getClassLoader(), getSendFileMaxAge(filename));
    }

    /**
     * {@code filename} from the webapp folder {@code folder} (class path {@code folder/} through {@code loader}
     * outside a container), with the static rules: 404 for anything unsafe or missing, conditional, ranges.
     *
     * @param maxAge seconds for Cache-Control, or null for config {@code SEND_FILE_MAX_AGE_DEFAULT}
     */
    final Response serveStatic(String folder, String filename, ClassLoader loader, Integer maxAge)
            throws IOException {
        ServletContext sc = servletContext;
        if (folder == null) {
            throw new dev.flaskj.exceptions.NotFound(); // Flask: RuntimeError "no static folder"; a 404 leaks nothing
        }
        FileSender.Source src = sc != null ? FileSender.fromWebapp(sc, folder, filename)
                : FileSender.fromClasspath(loader, folder, filename);
        SendFileOptions options = maxAge == null ? SendFileOptions.defaults() : SendFileOptions.maxAge(maxAge);
        return FileSender.send(this, src, options, currentRequestOrNull());
    }

    // --- instance folder and resources

    /**
     * The instance folder: where the app keeps files it writes at run time (a database, uploads, local settings),
     * outside the deployed code (Flask: {@code app.instance_path}). Created, with owner-only permissions where the
     * file system has them, when it does not exist yet. In order:
     * <ol>
     * <li>config {@code INSTANCE_PATH} (also a context-param or the environment variable
     *     {@code FLASK_INSTANCE_PATH});</li>
     * <li>outside a servlet container (tests, command line): {@code instance/} in the working directory;</li>
     * <li>in Tomcat: {@code ${catalina.base}/instance/<context>}; in Jetty: {@code ${jetty.base}/instance/<context>};
     *     in any other container: {@code ${java.io.tmpdir}/flaskj-instance/<context>}, where {@code <context>} is the
     *     context path without its leading slash, {@code /} replaced by {@code #} as Tomcat names WARs, and
     *     {@code ROOT} for the root context.</li>
     * </ol>
     * The folder is never inside the unpacked WAR, so a redeploy keeps it.
     *
     * @throws java.io.UncheckedIOException when the folder cannot be created
     */
    public Path instancePath() {
        Path dir = instanceFolder();
        if (!java.nio.file.Files.isDirectory(dir)) {
            try {
                createOwnerOnly(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot create the instance folder " + dir, e);
            }
        }
        return dir;
    }

    private Path instanceFolder() {
        String configured = config.getString("INSTANCE_PATH", null);
        if (configured == null || configured.isEmpty()) {
            configured = System.getenv("FLASK_INSTANCE_PATH");
        }
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        ServletContext sc = servletContext;
        if (sc == null) {
            return Path.of("instance").toAbsolutePath();
        }
        String context = sc.getContextPath() == null || sc.getContextPath().isEmpty() ? "ROOT"
                : contextFolderName(sc.getContextPath());
        for (String base : new String[] {"catalina.base", "jetty.base"}) {
            String dir = System.getProperty(base);
            if (dir != null && !dir.isEmpty()) {
                return Path.of(dir, "instance", context).toAbsolutePath().normalize();
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "flaskj-instance", context).toAbsolutePath();
    }

    /** {@code /shop/v2} as {@code shop#v2}, Tomcat's name for such a WAR; other unsafe characters become {@code _}. */
    static String contextFolderName(String contextPath) {
        StringBuilder out = new StringBuilder();
        for (char c : contextPath.substring(contextPath.startsWith("/") ? 1 : 0).toCharArray()) {
            out.append(c == '/' ? '#' : Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_'
                    || c == '.' ? c : '_');
        }
        String name = out.toString();
        return name.isEmpty() || name.chars().allMatch(ch -> ch == '.') ? "ROOT" : name;
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        try {
            java.nio.file.Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            java.nio.file.Files.createDirectory(dir); // not POSIX (Windows): the folder inherits its parent's ACL
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Opens a file that ships with the app, for reading (Flask: {@code app.open_resource}): in a servlet container
     * from the webapp root ({@code openResource("schema.sql")}, {@code openResource("WEB-INF/seed.json")}), else
     * from the class path. The caller closes the stream.
     *
     * @throws IllegalArgumentException for a name that leaves the root ({@code ..}, an absolute path, a backslash,
     *     NUL)
     * @throws java.io.FileNotFoundException when there is no such resource
     */
    public InputStream openResource(String name) throws IOException {
        String rel = resourceName(name);
        ServletContext sc = servletContext;
        InputStream in = sc != null ? sc.getResourceAsStream("/" + rel) : null;
        if (in == null && sc == null) {
            ClassLoader loader = getClass().getClassLoader();
            in = loader.getResourceAsStream(rel);
        }
        if (in == null) {
            throw new java.io.FileNotFoundException("No such resource: '" + rel + "'");
        }
        return in;
    }

    /**
     * Opens a file in the {@link #instancePath() instance folder} for reading (Flask:
     * {@code app.open_instance_resource}). The caller closes the stream.
     *
     * @throws IllegalArgumentException for a name that leaves the folder, also through a symbolic link
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public InputStream openInstanceResource(String name) throws IOException {
        Path base = instancePath().toRealPath();
        Path file = base.resolve(resourceName(name));
        if (java.nio.file.Files.exists(file) && !file.toRealPath().startsWith(base)) {
            throw new IllegalArgumentException("The instance resource '" + name + "' is outside the instance folder");
        }
        return java.nio.file.Files.newInputStream(file);
    }

    /**
     * Opens a file in the instance folder for writing, creating it and its parent folders, or replacing what it
     * held (Flask: {@code app.open_instance_resource(name, "w")}). The caller closes the stream.
     * <pre>{@code
     * try (OutputStream out = app.writeInstanceResource("settings.properties")) { props.store(out, null); }
     * }</pre>
     *
     * @throws IllegalArgumentException for a name that leaves the folder, also through a symbolic link
     */
    public java.io.OutputStream writeInstanceResource(String name) throws IOException {
        Path base = instancePath().toRealPath();
        Path file = base.resolve(resourceName(name));
        java.nio.file.Files.createDirectories(file.getParent());
        if (!file.getParent().toRealPath().startsWith(base)
                || java.nio.file.Files.exists(file) && !file.toRealPath().startsWith(base)) {
            throw new IllegalArgumentException("The instance resource '" + name + "' is outside the instance folder");
        }
        return java.nio.file.Files.newOutputStream(file);
    }

    /** The normalised relative name, or IllegalArgumentException when it would leave its root. */
    private static String resourceName(String name) {
        Objects.requireNonNull(name, "name == null");
        String rel = dev.flaskj.internal.SafePaths.safeJoin("", name)
                .map(j -> j.startsWith("./") ? j.substring(2) : "").orElse("");
        if (rel.isEmpty() || rel.equals(".") || rel.startsWith("/")) {
            throw new IllegalArgumentException("The resource name '" + name + "' is not allowed: it must be a"
                    + " relative path that stays inside its folder");
        }
        return rel;
    }

    private static Request currentRequestOrNull() {
        RequestContext ctx = ContextStack.requestOrNull();
        return ctx == null ? null : ctx.request();
    }

    // --- end of templating and files

    // ------------------------------------------------------------------ internals for the dispatcher

    @Override
    void onRule(String rule, String endpoint, View view, RuleOptions options) {
        checkSetup(options);
        View existing = viewFunctions.get(endpoint);
        if (view != null && existing != null && existing != view) {
            throw new IllegalArgumentException("View function mapping is overwriting an existing endpoint"
                    + " function: " + endpoint);
        }
        Boolean explicitOptions = options.provideAutomaticOptionsOrNull(); // given: it wins over config, as in Flask
        boolean autoOptions = explicitOptions != null ? explicitOptions
                : config.getBoolean("PROVIDE_AUTOMATIC_OPTIONS", true);
        Rule added = urlMap.add(new RuleSpec(rule, endpoint, options.methodList(), options.defaultValues(),
                options.isStrictSlashes(), options.isMergeSlashes(), autoOptions, options.redirectTarget(),
                options.redirectFunction(), options.isAlias(), options.isBuildOnly()));
        if (view instanceof ViewBinder.BoundView bound) {
            try {
                bound.check(added);
            } catch (ViewBinder.MissingParameter missing) {
                pendingChecks.add(new PendingCheck(endpoint, missing));
            }
        }
        if (view != null) { // Flask: add_url_rule without a view_func leaves the endpoint's view as it is
            viewFunctions.put(endpoint, view);
        }
    }

    @Override
    ScopeHooks scopeHooks() {
        return appHooks;
    }

    @Override
    <T> T checkSetup(T f) {
        if (gotFirstRequest) {
            String method = StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst()
                    .map(StackWalker.StackFrame::getMethodName).orElse("setup"));
            throw new IllegalStateException(String.format(SETUP_AFTER_FIRST_REQUEST, method));
        }
        return super.checkSetup(f);
    }

    /**
     * Freezes the registries on the first request: the URL map, and the hook scopes of every registered blueprint,
     * so that a request looks its scopes up instead of computing them.
     */
    void freezeOnFirstRequest() {
        if (!gotFirstRequest) {
            freeze();
        }
    }

    /** A view without a parameter for a rule variable, allowed only if a URL value preprocessor applies to it. */
    private record PendingCheck(String endpoint, ViewBinder.MissingParameter problem) {}

    /**
     * Throws the first view whose rule has a variable without a parameter while no URL value preprocessor of the
     * app or of the view's blueprints could remove it; {@link FlaskFilter} calls it at startup, the first request
     * again (setup may continue in between).
     *
     * @throws IllegalArgumentException naming the class, method, rule and variable
     */
    synchronized void checkViews() {
        urlMap.check();
        for (PendingCheck c : pendingChecks) {
            int dot = c.endpoint().lastIndexOf('.');
            boolean preprocessed = false;
            for (ScopeHooks scope : computeScopes(dot < 0 ? null : c.endpoint().substring(0, dot))) {
                preprocessed |= !scope.urlValuePreprocessors.isEmpty();
            }
            if (!preprocessed) {
                throw new IllegalArgumentException(c.problem().getMessage(), c.problem());
            }
        }
    }

    private synchronized void freeze() {
        if (!gotFirstRequest) {
            checkViews();
            urlMap.freeze();
            Map<String, List<ScopeHooks>> scopes = new HashMap<>();
            for (String bp : blueprints.keySet()) {
                scopes.put(bp, computeScopes(bp));
            }
            scopesByBlueprint = scopes;
            gotFirstRequest = true;
        }
    }

    View viewFunction(String endpoint) {
        return viewFunctions.get(endpoint);
    }

    /**
     * The hook scopes of a request to {@code blueprint} (null: the app's own views), innermost blueprint first, app
     * last (Flask: {@code request.blueprints}). After the first request this is a lookup of lists made at freeze.
     */
    List<ScopeHooks> scopesFor(String blueprint) {
        if (blueprint == null) {
            return appScopeOnly;
        }
        List<ScopeHooks> frozen = scopesByBlueprint.get(blueprint);
        return frozen != null ? frozen : computeScopes(blueprint);
    }

    private List<ScopeHooks> computeScopes(String blueprint) {
        if (blueprint == null) {
            return appScopeOnly;
        }
        List<ScopeHooks> scopes = new ArrayList<>(3);
        for (String n = blueprint; n != null; n = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : null) {
            ScopeHooks h = blueprintHooks.get(n);
            if (h != null) {
                scopes.add(h);
            }
        }
        scopes.add(appHooks);
        return List.copyOf(scopes);
    }

    /** Runs the teardown-appcontext functions in reverse order; every one runs, the first error is thrown. */
    void doTeardownAppContext(Throwable exc) {
        Teardowns errors = new Teardowns();
        errors.runReversed(teardownAppcontext, exc);
        errors.throwFirst();
        if (Signals.APPCONTEXT_TEARING_DOWN.hasReceivers(this)) {
            Signals.APPCONTEXT_TEARING_DOWN.send(this, new Signals.AppcontextTearingDown(this, exc));
        }
    }

    @Override
    public String toString() {
        return "<Flask '" + name + "'>";
    }
}
