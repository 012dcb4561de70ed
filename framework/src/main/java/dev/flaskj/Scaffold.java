package dev.flaskj;

import dev.flaskj.exceptions.Aborter;
import dev.flaskj.exceptions.HttpException;
import dev.flaskj.sessions.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an app and a blueprint have in common: registering views, hooks and error handlers
 * (Flask: {@code flask.sansio.scaffold.Scaffold}).
 *
 * <p>Subclasses of {@link Flask} and {@link Blueprint} usually register with annotations ({@link Route},
 * {@link BeforeRequest}, ...); these methods are the programmatic twins, for lambdas and application factories.
 */
public abstract class Scaffold {
    // Flask's static_folder and static_url_path; the app and a blueprint set them with their own setters, which
    // differ in when they may be called and in registering the route.
    volatile String staticFolder;
    volatile String staticUrlPath; // null: "/" + the folder's last segment, as Flask derives it

    Scaffold() {}

    /** The static folder, relative to the webapp root, or null when no static files are served from here. */
    public final String staticFolder() {
        return staticFolder;
    }

    /**
     * The URL path of the static files ({@code /static} for a folder named {@code static}, the app's default; a
     * blueprint's is under its prefix), or null without a static folder.
     */
    public final String staticUrlPath() {
        String folder = staticFolder;
        if (folder == null) {
            return null;
        }
        return staticUrlPath != null ? staticUrlPath : "/" + folder.substring(folder.lastIndexOf('/') + 1);
    }

    static String withoutTrailingSlash(String path) {
        return path == null ? null : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Registers {@code view} for {@code rule} under {@code endpoint}, allowing {@code methods} (GET when none)
     * (Flask: {@code add_url_rule}).
     *
     * @throws IllegalArgumentException for a malformed rule, or another view already registered for the endpoint
     * @throws IllegalStateException after the app handled its first request
     */
    public final void addUrlRule(String rule, String endpoint, View view, String... methods) {
        addUrlRule(rule, endpoint, view, RuleOptions.defaultOptions().withMethods(
                methods.length == 0 ? new String[] {"GET"} : methods));
    }

    /**
     * Registers {@code view} for {@code rule} with methods, defaults, slash handling and decorators from
     * {@code options}; the decorators wrap the view once, here, and the wrapped view keeps {@code endpoint}.
     */
    public final void addUrlRule(String rule, String endpoint, View view, RuleOptions options) {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(view, "view == null");
        Objects.requireNonNull(options, "options == null");
        onRule(rule, endpoint, Decorators.apply(view, options.decoratorList(), "the view of endpoint '" + endpoint
                + "'"), options);
    }

    /**
     * Registers a rule without a view (Flask: {@code add_url_rule(rule, endpoint, **options)} without
     * {@code view_func}): one that redirects, only builds URLs, or is an alias of a rule of the same endpoint.
     * <pre>{@code
     * app.addUrlRule("/old/<int:id>", "old", RuleOptions.defaultOptions().redirectTo("/new/<id>"));
     * app.addUrlRule("/<path:filename>", "cdn", RuleOptions.defaultOptions().buildOnly(true));  // urlFor only
     * app.addUrlRule("/p/<int:id>", "post", RuleOptions.defaultOptions().alias(true));         // 308 to post's URL
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code options} has none of {@code redirectTo}, {@code buildOnly},
     *     {@code alias}: such a rule would match and have no view to call
     */
    public final void addUrlRule(String rule, String endpoint, RuleOptions options) {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(options, "options == null");
        if (!options.redirects() && !options.isBuildOnly() && !options.isAlias()) {
            throw new IllegalArgumentException("The rule '" + rule + "' of endpoint '" + endpoint + "' has no view:"
                    + " pass one to addUrlRule, or make the rule redirect (RuleOptions.redirectTo), build-only"
                    + " (buildOnly(true)) or an alias of the endpoint's other rule (alias(true))");
        }
        onRule(rule, endpoint, null, options);
    }

    /**
     * Registers a class-based view (Flask: {@code add_url_rule(rule, view_func=V.as_view(endpoint))}) that serves
     * every request with this one instance (Flask's {@code init_every_request = False}), so it must be stateless
     * or thread-safe. The rule allows the methods of its handlers; see {@link MethodView}.
     *
     * @throws IllegalArgumentException naming the class, method and fix when the class has no handler, a handler
     *     is not public, or a handler's parameters do not match the rule's variables
     */
    public final void addUrlRule(String rule, String endpoint, MethodView view) {
        addUrlRule(rule, endpoint, view, RuleOptions.defaultOptions());
    }

    /**
     * {@link #addUrlRule(String, String, MethodView)} with defaults, slash handling, decorators (wrapping the
     * class's own) and, if given, methods (replacing the handlers' list) from {@code options}.
     */
    public final void addUrlRule(String rule, String endpoint, MethodView view, RuleOptions options) {
        register(rule, endpoint, MethodView.register(view, Objects.requireNonNull(options, "options == null")),
                options);
    }

    /**
     * Registers a class-based view made anew for each request by {@code factory} (Flask's default
     * {@code init_every_request}), e.g. {@code addUrlRule("/counter", "counter", CounterApi::new)}; instances may
     * then keep per-request state in fields. {@code factory} is called once now, to learn the class, and must
     * always return that class.
     */
    public final void addUrlRule(String rule, String endpoint, Supplier<? extends MethodView> factory) {
        addUrlRule(rule, endpoint, factory, RuleOptions.defaultOptions());
    }

    /** {@link #addUrlRule(String, String, Supplier)} with {@code options}, as for a single instance. */
    public final void addUrlRule(String rule, String endpoint, Supplier<? extends MethodView> factory,
                                 RuleOptions options) {
        register(rule, endpoint, MethodView.register(factory, Objects.requireNonNull(options, "options == null")),
                options);
    }

    private void register(String rule, String endpoint, MethodView.Registration r, RuleOptions options) {
        addUrlRule(rule, endpoint, r.view(), options.withMethods(r.methods().toArray(String[]::new)));
    }

    /** Runs {@code f} before each request; a non-null result short-circuits (Flask: {@code before_request}). */
    public final void beforeRequest(BeforeRequestFunction f) {
        scopeHooks().before.add(checkSetup(f));
    }

    /** Runs {@code f} on each response, in reverse registration order (Flask: {@code after_request}). */
    public final void afterRequest(AfterRequestFunction f) {
        scopeHooks().after.add(checkSetup(f));
    }

    /** Runs {@code f} when each request context is popped (Flask: {@code teardown_request}). */
    public final void teardownRequest(TeardownFunction f) {
        scopeHooks().teardown.add(checkSetup(f));
    }

    /**
     * Adds the variables {@code f} returns to every template rendered (Flask: {@code context_processor}); on a
     * blueprint, to the templates rendered for the requests it handles. {@code f} runs on each render: the app's
     * first, then the blueprints' from outer to inner, later ones overriding earlier ones; variables passed to
     * {@code renderTemplate} override them all.
     */
    public final void contextProcessor(ContextProcessorFunction f) {
        scopeHooks().contextProcessors.add(checkSetup(f));
    }

    /**
     * Runs {@code f} with the matched endpoint and the mutable view arguments before the before-request functions
     * and the view (Flask: {@code url_value_preprocessor}); what it removes, the view does not receive. The app's
     * run for every request, a blueprint's for the requests it handles: the app's first, then the blueprints'
     * from outer to inner, each scope's in registration order. A view needs no parameter for a rule variable
     * when its app or one of its blueprints has a URL value preprocessor (which may remove it); when none does,
     * a variable without a parameter is a startup error.
     */
    public final void urlValuePreprocessor(UrlValuePreprocessorFunction f) {
        scopeHooks().urlValuePreprocessors.add(checkSetup(f));
    }

    /**
     * Runs {@code f} with the endpoint and the mutable values of each {@code urlFor} before the URL is built
     * (Flask: {@code url_defaults}). The app's run for every endpoint, a blueprint's for its own endpoints (those
     * named {@code blueprint.x}, also from outside the blueprint): the app's first, then the blueprints' from
     * outer to inner.
     */
    public final void urlDefaults(UrlDefaultsFunction f) {
        scopeHooks().urlDefaults.add(checkSetup(f));
    }

    /**
     * Handles HTTP errors with {@code code} (Flask: {@code errorhandler(404)}).
     *
     * @throws IllegalArgumentException if no HTTP error has that code
     */
    @SuppressWarnings("unchecked")
    public final void errorHandler(int code, ErrorHandlerFunction<? super HttpException> f) {
        scopeHooks().addErrorHandler(code, (ErrorHandlerFunction<Throwable>) (ErrorHandlerFunction<?>) checkSetup(f));
    }

    /** Handles exceptions of {@code type} and its subclasses (Flask: {@code errorhandler(SomeError)}). */
    @SuppressWarnings("unchecked")
    public final <E extends Throwable> void errorHandler(Class<E> type, ErrorHandlerFunction<? super E> f) {
        scopeHooks().addErrorHandler(Objects.requireNonNull(type, "type == null"),
                (ErrorHandlerFunction<Throwable>) (ErrorHandlerFunction<?>) checkSetup(f));
    }

    // ------------------------------------------------------------------ static helpers (Flask's module functions),
    // here so that Flask and Blueprint subclasses both inherit them

    /** The current request (Flask: {@code request}). @throws IllegalStateException outside a request context */
    public static Request request() {
        return ContextStack.request().request();
    }

    /** The current app context's {@code g} (Flask: {@code g}). @throws IllegalStateException outside an app context */
    public static AppGlobals g() {
        return ContextStack.app().g();
    }

    /** The app handling the current request (Flask: {@code current_app}). */
    public static Flask currentApp() {
        return ContextStack.app().app();
    }

    /** Whether a request context is active (Flask: {@code has_request_context()}). */
    public static boolean hasRequestContext() {
        return ContextStack.hasRequestContext();
    }

    /** Whether an app context is active (Flask: {@code has_app_context()}). */
    public static boolean hasAppContext() {
        return ContextStack.hasAppContext();
    }

    /**
     * A file name safe to store: path separators, {@code ..} and non-ASCII removed, Windows device names prefixed
     * (Werkzeug: {@code secure_filename}). {@code secureFilename("../../etc/passwd")} is {@code "etc_passwd"}; the
     * result may be empty, and the caller must then pick a name itself.
     */
    public static String secureFilename(String filename) {
        return dev.flaskj.internal.SafePaths.secureFilename(filename);
    }

    /**
     * Builds a URL for an endpoint from key/value pairs (Flask: {@code url_for}).
     * <pre>{@code
     * urlFor("profile", "username", "John Doe")          // /myapplication/user/John%20Doe
     * urlFor("static", "filename", "style.css")          // /myapplication/static/style.css
     * urlFor("index", "_external", true)                 // http://host/myapplication/
     * }</pre>
     * Keys the rule does not use become query parameters; {@code _external}, {@code _anchor}, {@code _method} and
     * {@code _scheme} work as in Flask. A leading {@code .} means "in the current blueprint".
     *
     * @throws IllegalArgumentException for an odd number of arguments or a non-string key
     * @throws dev.flaskj.routing.UrlBuildException when no rule of the endpoint can be built from the values
     */
    public static String urlFor(String endpoint, Object... keysAndValues) {
        return currentApp().buildUrl(Objects.requireNonNull(endpoint, "endpoint == null"), pairs(keysAndValues));
    }

    /** {@link #urlFor(String, Object...)} with the values in a map (iteration order is the query order). */
    public static String urlFor(String endpoint, Map<String, ?> values) {
        return currentApp().buildUrl(Objects.requireNonNull(endpoint, "endpoint == null"), values);
    }

    static Map<String, Object> pairs(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key/value pairs, got an odd number of arguments");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("argument " + i + " must be a String key, got "
                        + keysAndValues[i]);
            }
            values.put(key, keysAndValues[i + 1]);
        }
        return values;
    }

    /** A 302 redirect to {@code location}, as given (Flask: {@code redirect}). */
    public static Response redirect(String location) {
        return redirect(location, 302);
    }

    /** A redirect with another code (301, 303, 307, 308, ...). */
    public static Response redirect(String location, int code) {
        AppContext ctx = ContextStack.appOrNull();
        // Outside an app context there is no app to override createRedirect: Werkzeug's plain redirect.
        return ctx == null ? Response.redirect(location, code) : ctx.app().createRedirect(location, code);
    }

    /**
     * Throws the HTTP error for {@code code} (Flask: {@code abort(401)}). Declared to return it, so you can write
     * {@code throw abort(401);} where the compiler wants a throw.
     *
     * @throws HttpException always
     */
    public static HttpException abort(int code) {
        throw Aborter.exceptionFor(code, null);
    }

    /** Throws the HTTP error for {@code code} with a custom description (escaped; newlines become {@code <br>}). */
    public static HttpException abort(int code, String description) {
        throw Aborter.exceptionFor(code, description);
    }

    /** Stops the request and sends {@code response} as it is; error handlers are not consulted. */
    public static HttpException abort(Response response) {
        throw new AbortedResponse(response);
    }

    /** Converts a view return value into a {@link Response} (Flask: {@code make_response(rv)}). */
    public static Response makeResponse(Object body) {
        return currentApp().toResponse(body);
    }

    /** {@code make_response(body, status)}. */
    public static Response makeResponse(Object body, int status) {
        return makeResponse(body).status(status);
    }

    /** {@code make_response(body, status, headers)}: the headers replace existing ones of the same name. */
    public static Response makeResponse(Object body, int status, Map<String, String> headers) {
        Response r = makeResponse(body, status);
        headers.forEach((k, v) -> r.headers().set(k, v));
        return r;
    }

    /** {@code make_response(body, headers)}. */
    public static Response makeResponse(Object body, Map<String, String> headers) {
        Response r = makeResponse(body);
        headers.forEach((k, v) -> r.headers().set(k, v));
        return r;
    }

    /**
     * A JSON response (Flask: {@code jsonify}): one argument is serialised as it is, several as a list, none as
     * {@code {}}. Compact, keys sorted, non-ASCII escaped, a trailing newline; indented in debug mode.
     */
    public static Response jsonify(Object... values) {
        Object data = values.length == 0 ? Map.of() : values.length == 1 ? values[0] : List.of(values);
        return ReturnValues.json(currentApp(), data);
    }

    /**
     * The current request's session (Flask: {@code session}): a map stored in a signed cookie by default.
     * Without {@code SECRET_KEY} it is a read-only empty session whose writes fail with Flask's message.
     */
    public static Session session() {
        return ContextStack.request().session();
    }

    /** Flashes a message for the next request, category {@code message} (Flask: {@code flash}). */
    public static void flash(Object message) {
        flash(message, "message");
    }

    /**
     * Flashes a message with a category ({@code error}, {@code info}, ...): appended to the session's
     * {@code _flashes} list as Flask stores it.
     */
    public static void flash(Object message, String category) {
        Flashes.add(session(), Objects.requireNonNull(category, "category == null"),
                Objects.requireNonNull(message, "message == null"));
        Flask app = currentApp();
        if (Signals.MESSAGE_FLASHED.hasReceivers(app)) {
            Signals.MESSAGE_FLASHED.send(app, new Signals.MessageFlashed(app, message, category));
        }
    }

    /**
     * The flashed messages, removed from the session by the first call of a request (Flask:
     * {@code get_flashed_messages}); with categories given, only those (the others are consumed too).
     */
    public static List<String> getFlashedMessages(String... categoryFilter) {
        List<String> out = new ArrayList<>();
        for (FlashMessage m : getFlashedMessagesWithCategories(categoryFilter)) {
            out.add(m.message());
        }
        return out;
    }

    /** {@link #getFlashedMessages} with each message's category. */
    public static List<FlashMessage> getFlashedMessagesWithCategories(String... categoryFilter) {
        return Flashes.take(ContextStack.request(), categoryFilter);
    }

    /** Registers a function to modify this request's response (Flask: {@code after_this_request}). */
    public static void afterThisRequest(AfterRequestFunction f) {
        ContextStack.request().addAfterThisRequest(Objects.requireNonNull(f, "f == null"));
    }

    // --- templating and files (static helpers; the instance hooks are on Flask)

    /**
     * Renders {@code templates/name} with key/value pairs (Flask: {@code render_template}); return the result
     * from a view for a {@code text/html} response.
     * <pre>{@code
     * return renderTemplate("hello.html", "name", name);
     * }</pre>
     *
     * @throws dev.flaskj.templating.TemplateNotFoundException when no template folder has it
     * @throws dev.flaskj.templating.TemplateException for a syntax or evaluation error
     */
    public static String renderTemplate(String name, Object... keysAndValues) {
        return currentApp().render(name, pairs(keysAndValues));
    }

    /** {@link #renderTemplate(String, Object...)} with the variables in a map. */
    public static String renderTemplate(String name, Map<String, ?> context) {
        return currentApp().render(name, context);
    }

    /**
     * Renders the first of {@code names} that exists (Flask: {@code render_template([...])}, Jinja's
     * {@code select_template}): a theme or a specific page with a fallback.
     * <pre>{@code
     * return renderTemplate(List.of("users/" + id + ".html", "users/default.html"), "user", user);
     * }</pre>
     *
     * @throws dev.flaskj.templating.TemplateNotFoundException listing every name when none exists
     */
    public static String renderTemplate(List<String> names, Object... keysAndValues) {
        return currentApp().render(names, pairs(keysAndValues));
    }

    /** {@link #renderTemplate(List, Object...)} with the variables in a map. */
    public static String renderTemplate(List<String> names, Map<String, ?> context) {
        return currentApp().render(names, context);
    }

    /**
     * A streamed {@code text/html} response rendering {@code templates/name} while it is written (Flask:
     * {@code stream_template}): a long page reaches the client as it is produced, never held whole in memory.
     * {@code request()}, {@code session()}, {@code g()} and {@code urlFor} work inside the template while it
     * streams. The template must exist now; an error half-way through ends the response early (the status and
     * headers are already sent).
     * <pre>{@code
     * return streamTemplate("report.html", "rows", rows);
     * }</pre>
     *
     * @throws dev.flaskj.templating.TemplateNotFoundException when no template folder has it
     */
    public static Response streamTemplate(String name, Object... keysAndValues) {
        return currentApp().stream(name, pairs(keysAndValues));
    }

    /** {@link #streamTemplate(String, Object...)} with the variables in a map. */
    public static Response streamTemplate(String name, Map<String, ?> context) {
        return currentApp().stream(name, context);
    }

    /** {@link #streamTemplate} for a template given as text (Flask: {@code stream_template_string}). */
    public static Response streamTemplateString(String source, Object... keysAndValues) {
        return currentApp().streamString(source, pairs(keysAndValues));
    }

    /** {@link #streamTemplateString(String, Object...)} with the variables in a map. */
    public static Response streamTemplateString(String source, Map<String, ?> context) {
        return currentApp().streamString(source, context);
    }

    /** Renders {@code source} as an HTML template (Flask: {@code render_template_string}). */
    public static String renderTemplateString(String source, Object... keysAndValues) {
        return currentApp().renderString(source, pairs(keysAndValues));
    }

    /** {@link #renderTemplateString(String, Object...)} with the variables in a map. */
    public static String renderTemplateString(String source, Map<String, ?> context) {
        return currentApp().renderString(source, context);
    }

    /** Escapes a value for HTML (MarkupSafe: {@code escape}); see {@link Markup#escape}. */
    public static Markup escape(Object value) {
        return Markup.escape(value);
    }

    /**
     * Sends a file with ETag, Last-Modified, 304 and Range support (Flask: {@code send_file}); the type is
     * guessed from the name. Never pass a path built from user input: use {@link #sendFromDirectory}.
     */
    public static Response sendFile(Path file) throws IOException {
        return currentApp().serveFile(file, SendFileOptions.defaults());
    }

    /** {@link #sendFile(Path)} with an explicit mimetype ({@code ; charset=utf-8} is added to text types). */
    public static Response sendFile(Path file, String mimetype) throws IOException {
        return currentApp().serveFile(file, mimetype);
    }

    /**
     * {@link #sendFile(Path)} as a download and/or under another name (Flask:
     * {@code send_file(path, mimetype, as_attachment, download_name)}):
     * {@code sendFile(report, null, true, "report-2024.pdf")} sends {@code Content-Disposition: attachment;
     * filename=report-2024.pdf}, typed from that name; a non-ASCII name also gets an RFC 5987 {@code filename*}.
     *
     * @param mimetype null to guess it from the download name
     * @param downloadName null for the file's own name
     */
    public static Response sendFile(Path file, String mimetype, boolean asAttachment, String downloadName)
            throws IOException {
        return currentApp().serveFile(file, mimetype, asAttachment, downloadName);
    }

    /**
     * Sends {@code filename}, which may come from the user, from inside {@code directory}
     * (Flask: {@code send_from_directory}): {@code ..}, absolute paths, backslashes, NUL and symbolic links out
     * of the directory are a 404, as are missing files and directories.
     * <pre>{@code
     * @Route("/uploads/<path:name>")
     * Response download(String name) throws IOException { return sendFromDirectory(uploads, name); }
     * }</pre>
     */
    public static Response sendFromDirectory(Path directory, String filename) throws IOException {
        return currentApp().serveFromDirectory(directory, filename);
    }

    /** {@link #sendFromDirectory(Path, String)} as a download and/or under another name, as in {@link #sendFile}. */
    public static Response sendFromDirectory(Path directory, String filename, boolean asAttachment,
            String downloadName) throws IOException {
        return currentApp().serveFromDirectory(directory, filename, asAttachment, downloadName);
    }

    /**
     * Sends {@code file} with {@code options} (Flask: {@code send_file(path, ...)}); never pass a path built from
     * user input, use {@link #sendFromDirectory(Path, String, SendFileOptions)}.
     * <pre>{@code
     * return sendFile(report, SendFileOptions.downloadName("report-2024.pdf").asAttachment(true));
     * }</pre>
     */
    public static Response sendFile(Path file, SendFileOptions options) throws IOException {
        return currentApp().serveFile(file, options);
    }

    /**
     * Sends generated bytes (Flask: {@code send_file(io.BytesIO(data), ...)}): Content-Length and ranges as for a
     * file; no ETag or Last-Modified unless the options give them.
     * <pre>{@code
     * return sendFile(csv.getBytes(UTF_8), SendFileOptions.downloadName("export.csv").asAttachment(true));
     * }</pre>
     *
     * @throws IllegalArgumentException when the options give neither a mimetype nor a download name, with Flask's
     *     message ("Unable to detect the MIME type because a file name is not available. ...")
     */
    public static Response sendFile(byte[] data, SendFileOptions options) {
        return currentApp().serveFile(data, options);
    }

    /**
     * Streams {@code in} while the response is written, never holding it whole (Flask: {@code send_file(file_obj,
     * ...)}); the length is unknown, so there is no Content-Length and a Range request gets the whole body. The
     * stream is closed once the response is written or discarded.
     *
     * @throws IllegalArgumentException when the options give neither a mimetype nor a download name (Flask's message)
     */
    public static Response sendFile(InputStream in, SendFileOptions options) {
        return currentApp().serveFile(in, options);
    }

    /**
     * {@link #sendFromDirectory(Path, String)} with {@code options} (Flask: {@code send_from_directory(directory,
     * path, **kwargs)}); unsafe or missing names are a 404 as there.
     */
    public static Response sendFromDirectory(Path directory, String filename, SendFileOptions options)
            throws IOException {
        return currentApp().serveFromDirectory(directory, filename, options);
    }

    /** Sends a file from the webapp's {@code static/} folder (Flask: {@code app.send_static_file}). */
    public static Response sendStaticFile(String filename) throws IOException {
        return currentApp().serveStaticFile(filename);
    }

    /**
     * The Cache-Control max age, in seconds, for the static file {@code filename} of this app or blueprint, or
     * null for none ({@code no-cache}) (Flask: {@code get_send_file_max_age}): config
     * {@code SEND_FILE_MAX_AGE_DEFAULT} of the current app. Override it to cache some files longer, e.g.
     * fingerprinted ones; the static endpoint calls it for each file it sends.
     *
     * @throws IllegalStateException outside an app context
     */
    public Integer getSendFileMaxAge(String filename) {
        java.time.Duration d = currentApp().config().getDuration("SEND_FILE_MAX_AGE_DEFAULT");
        return d == null ? null : (int) Math.min(Integer.MAX_VALUE, d.getSeconds());
    }

    // --- end of templating and files

    abstract void onRule(String rule, String endpoint, View view, RuleOptions options);

    abstract ScopeHooks scopeHooks();

    <T> T checkSetup(T f) {
        return Objects.requireNonNull(f, "function == null");
    }
}
