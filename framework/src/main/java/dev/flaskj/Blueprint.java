package dev.flaskj;

import dev.flaskj.exceptions.HttpException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A group of views, hooks and error handlers registered on an app under a name and URL prefix
 * (Flask: {@code flask.Blueprint}).
 *
 * <pre>{@code
 * public class Admin extends Blueprint {
 *     public Admin() { super("admin", "/admin"); }
 *
 *     @Route("/")
 *     String index() { return "admin home, users at " + urlFor(".users"); }
 *
 *     @Route("/users")
 *     String users() { return "users"; }
 * }
 * app.registerBlueprint(new Admin());     // endpoints admin.index, admin.users
 * }</pre>
 * Hooks and error handlers on a blueprint apply only to the requests its views handle; the {@code app...} ones
 * ({@link #beforeAppRequest}, {@link #appErrorHandler(int, ErrorHandlerFunction)}, ...) apply to every request of
 * the app, as if registered on the app when the blueprint is registered.
 */
public abstract class Blueprint extends Scaffold {
    record Deferred(String rule, String endpoint, View view, RuleOptions options) {}

    record Nested(Blueprint blueprint, String urlPrefix) {}

    private final String name;
    private final String urlPrefix;
    private final ScopeHooks hooks = new ScopeHooks();
    private final List<Deferred> rules = new ArrayList<>();
    private final List<Nested> children = new ArrayList<>();
    private final Map<String, TemplateFilter> templateFilters = new LinkedHashMap<>();
    private final Map<String, Object> templateGlobals = new LinkedHashMap<>();
    private final Map<String, TemplateTest> templateTests = new LinkedHashMap<>();
    /** App-wide registrations, applied to the app's own scope at the blueprint's first registration, in order. */
    private final List<Consumer<Scaffold>> appWide = new ArrayList<>();
    private volatile boolean registered;
    private volatile String templateFolder;
    /** One view for every registration, so that registering the blueprint twice serves the same folder twice. */
    private final View staticView = args -> serveStaticFile(args.get("filename"));

    /** A blueprint without a URL prefix. */
    protected Blueprint(String name) {
        this(name, null);
    }

    /**
     * A blueprint with a default URL prefix (null: none); its annotated methods are recorded now.
     *
     * @throws IllegalArgumentException if the name is empty or contains a dot
     */
    protected Blueprint(String name, String urlPrefix) {
        Objects.requireNonNull(name, "name == null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'name' may not be empty.");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException("'name' may not contain a dot '.' character.");
        }
        this.name = name;
        this.urlPrefix = urlPrefix;
        ViewBinder.bind(this, this, Blueprint.class);
    }

    /**
     * Serves static files from {@code folder} of the webapp root (class path outside a container) under the
     * blueprint's prefix (Flask: {@code Blueprint(static_folder=...)}): endpoint {@code <name>.static}, URL
     * {@code <prefix>/static/<path:filename>} for a folder named {@code static} (Flask derives the URL path from
     * the folder's last segment: {@code "admin/assets"} is served under {@code <prefix>/assets}; see
     * {@link #setStaticUrlPath}). The same rules as the app's static files: ETag, 304, ranges, {@code ..} and
     * {@code WEB-INF} refused, {@link #getSendFileMaxAge} for Cache-Control. A folder that does not exist is not an
     * error, as in Flask: its URLs answer 404. Without a URL prefix the rule is the app's {@code /static/...},
     * which the app's own static rule shadows, as in Flask. Call it in the constructor.
     * <pre>{@code
     * public Admin() {
     *     super("admin", "/admin");
     *     setStaticFolder("admin/static");     // /admin/static/admin.css, urlFor("admin.static", "filename", ...)
     * }
     * }</pre>
     *
     * @param folder relative to the webapp root, e.g. {@code "admin/static"}; null: no static files
     * @throws IllegalArgumentException for an absolute folder or one with {@code ..}
     * @throws IllegalStateException once the blueprint has been registered
     */
    public final void setStaticFolder(String folder) {
        checkUnregistered("setStaticFolder");
        staticFolder = folder == null ? null : Flask.relativeFolder(folder);
    }

    /**
     * The URL path of the static files under the prefix (Flask: {@code Blueprint(static_url_path=...)}), e.g.
     * {@code "/assets"}; a trailing slash is dropped, {@code ""} serves them at the prefix itself. Null: derived
     * from the folder, {@code /static} for a folder named {@code static}. Call it in the constructor.
     *
     * @throws IllegalStateException once the blueprint has been registered
     */
    public final void setStaticUrlPath(String path) {
        checkUnregistered("setStaticUrlPath");
        staticUrlPath = withoutTrailingSlash(path);
    }

    /**
     * Adds {@code folder} of the webapp root (class path outside a container) to the places templates are looked
     * up in (Flask: {@code Blueprint(template_folder=...)}): after the app's folders and after the folders of the
     * blueprints registered before this one, whichever view renders. So a blueprint's template never hides an
     * app's template of the same name, and two blueprints' templates of the same name clash: keep them apart in
     * a subfolder, {@code admin/templates/admin/index.html} rendered as {@code renderTemplate("admin/index.html")},
     * as Flask's documentation advises. Call it in the constructor.
     *
     * @param folder relative to the webapp root, e.g. {@code "admin/templates"}; null: none
     * @throws IllegalArgumentException for an absolute folder or one with {@code ..}
     * @throws IllegalStateException once the blueprint has been registered
     */
    public final void setTemplateFolder(String folder) {
        checkUnregistered("setTemplateFolder");
        templateFolder = folder == null ? null : Flask.relativeFolder(folder);
    }

    /** The template folder relative to the webapp root, or null. */
    public final String templateFolder() {
        return templateFolder;
    }

    /**
     * A response sending {@code filename} from the blueprint's static folder (Flask:
     * {@code Blueprint.send_static_file}); the {@code <name>.static} endpoint calls it. Cache-Control follows
     * {@link #getSendFileMaxAge}, which a subclass may override.
     *
     * @throws dev.flaskj.exceptions.NotFound for a missing or unsafe file, or when there is no static folder
     * @throws IllegalStateException outside an app context
     */
    public Response serveStaticFile(String filename) throws java.io.IOException {
        return currentApp().serveStatic(staticFolder, filename, getClass().getClassLoader(),
                getSendFileMaxAge(filename));
    }

    View staticView() {
        return staticView;
    }

    private void checkUnregistered(String method) {
        if (registered) {
            throw new IllegalStateException("The setup method '" + method + "' can no longer be called on the"
                    + " blueprint '" + name + "'. It has already been registered at least once, any changes will"
                    + " not be applied consistently.\nMake sure all setup of the blueprint is done before"
                    + " registering it.");
        }
    }

    /** The name, the prefix of its endpoints. */
    public final String name() {
        return name;
    }

    /** The default URL prefix, or null. */
    public final String urlPrefix() {
        return urlPrefix;
    }

    /**
     * Nests {@code child} in this blueprint (Flask 2.0+ nested blueprints): when this one is registered as
     * {@code parent} under {@code /p}, the child's endpoints are {@code parent.child.x} and its rules are under
     * {@code /p} plus the child's own prefix; the parent's hooks and error handlers apply to the child's requests too.
     */
    public final void registerBlueprint(Blueprint child) {
        registerBlueprint(child, child.urlPrefix());
    }

    /** Nests {@code child} under {@code urlPrefix} (null: the child's own prefix, or none). */
    public final void registerBlueprint(Blueprint child, String urlPrefix) {
        if (child == this) {
            throw new IllegalArgumentException("Cannot register a blueprint on itself");
        }
        children.add(new Nested(java.util.Objects.requireNonNull(child, "child == null"), urlPrefix));
    }

    /**
     * Registers a template filter for the whole app when this blueprint is registered (Flask:
     * {@code app_template_filter}); see {@link Flask#templateFilter}.
     */
    public final void appTemplateFilter(String name, TemplateFilter f) {
        templateFilters.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(f, "f == null"));
    }

    /**
     * Registers a template global for the whole app when this blueprint is registered (Flask:
     * {@code app_template_global}); see {@link Flask#templateGlobal}.
     */
    public final void appTemplateGlobal(String name, Object value) {
        templateGlobals.put(Objects.requireNonNull(name, "name == null"),
                Objects.requireNonNull(value, "value == null"));
    }

    /**
     * Registers a template test for the whole app when this blueprint is registered (Flask:
     * {@code app_template_test}); see {@link Flask#templateTest}.
     */
    public final void appTemplateTest(String name, TemplateTest t) {
        templateTests.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(t, "t == null"));
    }

    Map<String, TemplateFilter> templateFilters() {
        return templateFilters;
    }

    Map<String, Object> templateGlobals() {
        return templateGlobals;
    }

    Map<String, TemplateTest> templateTests() {
        return templateTests;
    }

    // ------------------------------------------------------------------ app-wide hooks (Flask: record_once)

    /**
     * Runs {@code f} before every request of the app, not only this blueprint's (Flask: {@code before_app_request});
     * the same as {@code app.beforeRequest(f)} at the moment the blueprint is registered, so it runs among the
     * app's own before-request functions in registration order, before any blueprint's local ones. Registering
     * the blueprint again (under another name) does not add it again.
     *
     * @throws IllegalStateException once the blueprint has been registered
     */
    public final void beforeAppRequest(BeforeRequestFunction f) {
        BeforeRequestFunction fn = checkAppWide(f);
        appWide.add(app -> app.beforeRequest(fn));
    }

    /** Runs {@code f} on the response of every request of the app (Flask: {@code after_app_request}). */
    public final void afterAppRequest(AfterRequestFunction f) {
        AfterRequestFunction fn = checkAppWide(f);
        appWide.add(app -> app.afterRequest(fn));
    }

    /** Runs {@code f} when every request context of the app is popped (Flask: {@code teardown_app_request}). */
    public final void teardownAppRequest(TeardownFunction f) {
        TeardownFunction fn = checkAppWide(f);
        appWide.add(app -> app.teardownRequest(fn));
    }

    /**
     * Handles HTTP errors with {@code code} for every request of the app (Flask: {@code app_errorhandler(404)}):
     * an app handler for the code, so one the app registers later for the same code replaces it, and a
     * blueprint's local handler still wins for that blueprint's requests.
     *
     * @throws IllegalArgumentException if no HTTP error has that code
     */
    public final void appErrorHandler(int code, ErrorHandlerFunction<? super HttpException> f) {
        ErrorHandlerFunction<? super HttpException> fn = checkAppWide(f);
        if (!HttpException.isKnownCode(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a recognized HTTP error code. Use a subclass"
                    + " of HttpException with that code instead.");
        }
        appWide.add(app -> app.errorHandler(code, fn));
    }

    /** Handles exceptions of {@code type} for every request of the app (Flask: {@code app_errorhandler(E)}). */
    public final <E extends Throwable> void appErrorHandler(Class<E> type, ErrorHandlerFunction<? super E> f) {
        ErrorHandlerFunction<? super E> fn = checkAppWide(f);
        Objects.requireNonNull(type, "type == null");
        appWide.add(app -> app.errorHandler(type, fn));
    }

    /** Adds {@code f}'s variables to every template the app renders (Flask: {@code app_context_processor}). */
    public final void appContextProcessor(ContextProcessorFunction f) {
        ContextProcessorFunction fn = checkAppWide(f);
        appWide.add(app -> app.contextProcessor(fn));
    }

    /** A URL value preprocessor for every request of the app (Flask: {@code app_url_value_preprocessor}). */
    public final void appUrlValuePreprocessor(UrlValuePreprocessorFunction f) {
        UrlValuePreprocessorFunction fn = checkAppWide(f);
        appWide.add(app -> app.urlValuePreprocessor(fn));
    }

    /** A URL defaults function for every {@code urlFor} of the app (Flask: {@code app_url_defaults}). */
    public final void appUrlDefaults(UrlDefaultsFunction f) {
        UrlDefaultsFunction fn = checkAppWide(f);
        appWide.add(app -> app.urlDefaults(fn));
    }

    private <T> T checkAppWide(T f) {
        if (registered) {
            // Flask's setupmethod on a registered blueprint: the app has already taken its app-wide functions.
            String method = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()
                    .map(StackWalker.StackFrame::getMethodName).orElse("setup"));
            throw new IllegalStateException("The setup method '" + method + "' can no longer be called on the"
                    + " blueprint '" + name + "'. It has already been registered at least once, any changes will"
                    + " not be applied consistently.\nMake sure all setup of the blueprint is done before"
                    + " registering it.");
        }
        return checkSetup(f);
    }

    /**
     * Called by the app for each registration: marks the blueprint registered and, on the first registration on
     * {@code app} only, applies the app-wide registrations to the app (Flask: {@code record_once}).
     */
    void onRegister(Flask app, boolean firstRegistration) {
        registered = true;
        if (firstRegistration) {
            for (Consumer<Scaffold> r : appWide) {
                r.accept(app);
            }
        }
    }

    List<Nested> children() {
        return List.copyOf(children);
    }

    @Override
    void onRule(String rule, String endpoint, View view, RuleOptions options) {
        if (endpoint.contains(".")) {
            throw new IllegalArgumentException("'endpoint' may not contain a dot '.' character.");
        }
        rules.add(new Deferred(rule, endpoint, view, options));
    }

    @Override
    ScopeHooks scopeHooks() {
        return hooks;
    }

    List<Deferred> rules() {
        return List.copyOf(rules);
    }

    /** Flask's rule joining: prefix without trailing slash + "/" + rule without leading slash; "" keeps the prefix. */
    static String joinRule(String prefix, String rule) {
        if (prefix == null || prefix.isEmpty()) {
            return rule.isEmpty() ? "/" : rule;
        }
        if (rule.isEmpty()) {
            return prefix;
        }
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p + "/" + (rule.startsWith("/") ? rule.substring(1) : rule);
    }
}
