package dev.flaskj.templating;

import dev.flaskj.Flask;
import dev.flaskj.Request;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders Thymeleaf templates for one app (Flask: {@code render_template}, {@code render_template_string} and the
 * app's {@code jinja_env}); the app creates it, {@code renderTemplate(...)} calls it.
 *
 * <pre>{@code
 * String html = renderTemplate("hello.html", "name", name);   // templates/hello.html
 * app.templateRenderer().engine().addDialect(new LayoutDialect());   // before the first render
 * }</pre>
 * Where templates come from: {@link Flask#templateLocations()}, in its order (the app's folder, then the
 * blueprints' template folders in registration order). Names are used as given, no suffix is
 * added; {@code ..} segments are refused. Mode by extension: {@code .txt} text, {@code .xml} XML, {@code .js}
 * JavaScript, {@code .css} CSS, anything else HTML; UTF-8. The cache is on unless {@code TEMPLATES_AUTO_RELOAD} is
 * true, or unset and {@code DEBUG} is on (Flask's rule). The engine is built on first use, with the config then.
 *
 * <p>Every template sees {@code request} (the flaskj {@code Request}), {@code session} (the Flask session),
 * {@code g} (a map), {@code config}, the app's template globals, the {@code #flask} expression object
 * ({@link FlaskExpressions}) and the given variables, later ones overriding earlier ones. Thread-safe.
 */
public final class TemplateRenderer {
    private static final Set<String> RESERVED = Set.of("session", "param", "application");

    private final Flask app;
    private volatile Engine engine;
    // The Jinja backend when config TEMPLATE_ENGINE is "jinja"; decided once, on first use.
    private volatile TemplateBackend backend;
    private volatile boolean backendChosen;

    /** The Maven coordinates an app adds to use Jinja templates. */
    static final String JINJAVA_COORDINATES = "com.hubspot.jinjava:jinjava:2.7.4";

    /** One engine, with the folders it searches and, in a container, the Thymeleaf web application. */
    private record Engine(TemplateEngine engine, JakartaServletWebApplication web, TemplateFolders folders) {}

    // Bytes produced between two flushes of a streamed template: small enough that the client sees the page
    // arrive while it is produced, large enough to keep the number of writes low.
    private static final int STREAM_CHUNK = 8192;

    /** A renderer for {@code app}; nothing is read until the first render. */
    public TemplateRenderer(Flask app) {
        this.app = Objects.requireNonNull(app, "app == null");
    }

    /** The Thymeleaf engine, built now if needed; add dialects or message resolvers before the first render. */
    public TemplateEngine engine() {
        return built().engine();
    }

    /**
     * Renders the template {@code name} with {@code variables}.
     *
     * @param scope the request, session, {@code g} and servlet response the template sees; with a servlet
     *     response the render uses a servlet web context ({@code @{...}} links through {@code encodeURL},
     *     {@code ${param.x}}), without one a plain context
     * @throws TemplateNotFoundException when no folder has the template
     * @throws TemplateException when the template has a syntax error or an expression fails
     */
    public String render(String name, Map<String, ?> variables, TemplateScope scope) {
        Objects.requireNonNull(name, "name == null");
        TemplateBackend b = backend();
        if (b != null) {
            return b.render(name, variables, Objects.requireNonNull(scope, "scope == null"));
        }
        return process(name, name, variables, scope);
    }

    /**
     * Whether a template folder has a template named {@code name}; nothing is rendered. Names that
     * {@code render} would refuse ({@code ..}, backslash, NUL) do not exist.
     */
    public boolean exists(String name) {
        Objects.requireNonNull(name, "name == null");
        if (name.startsWith(TemplateFolders.STRING_PREFIX)) {
            return false;
        }
        TemplateBackend b = backend();
        if (b != null) {
            return b.exists(name);
        }
        Engine e = built();
        try {
            return e.folders().resolveTemplate(e.engine().getConfiguration(), null, name, null) != null;
        } catch (TemplateNotFoundException nf) {
            return false;
        }
    }

    /**
     * The first of {@code names} that exists (Jinja: {@code select_template}, which Flask's {@code render_template}
     * uses for a list).
     *
     * @throws TemplateNotFoundException naming every template tried when none exists, or for an empty list
     */
    public String select(List<String> names) {
        Objects.requireNonNull(names, "names == null");
        if (names.isEmpty()) {
            throw TemplateNotFoundException.noneOf(names, "Tried to select from an empty list of templates.");
        }
        for (String name : names) {
            if (exists(Objects.requireNonNull(name, "a template name is null"))) {
                return name;
            }
        }
        throw TemplateNotFoundException.noneOf(names, "none of the templates given were found: "
                + String.join(", ", names));
    }

    /** Renders the first of {@code names} that exists; see {@link #select(List)}. */
    public String render(List<String> names, Map<String, ?> variables, TemplateScope scope) {
        return render(select(names), variables, scope);
    }

    /**
     * Renders {@code name} into {@code out} as UTF-8, flushing it every few kilobytes while the template is
     * processed, so that the client receives the page as it is produced (Flask: {@code stream_template}). The scope
     * is read while writing: call it while the request's context is still pushed, as flaskj does when it writes a
     * response.
     *
     * @throws TemplateNotFoundException when no folder has the template
     * @throws TemplateException when the template fails; what was written before stays written
     */
    public void stream(String name, Map<String, ?> variables, TemplateScope scope, java.io.OutputStream out)
            throws java.io.IOException {
        Objects.requireNonNull(name, "name == null");
        TemplateBackend b = backend();
        if (b != null) {
            writeWhole(b.render(name, variables, Objects.requireNonNull(scope, "scope == null")), out);
            return;
        }
        processStreaming(name, name, variables, scope, out);
    }

    /** {@link #stream} for a template given as text (Flask: {@code stream_template_string}). */
    public void streamString(String source, Map<String, ?> variables, TemplateScope scope, java.io.OutputStream out)
            throws java.io.IOException {
        Objects.requireNonNull(source, "source == null");
        TemplateBackend b = backend();
        if (b != null) {
            writeWhole(b.renderString(source, variables, Objects.requireNonNull(scope, "scope == null")), out);
            return;
        }
        processStreaming(TemplateFolders.STRING_PREFIX + source, "<string>", variables, scope, out);
    }

    /** A backend without an incremental renderer (Jinja): the whole page, written once. */
    private static void writeWhole(String page, java.io.OutputStream out) throws java.io.IOException {
        out.write(page.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void processStreaming(String template, String displayName, Map<String, ?> variables, TemplateScope scope,
            java.io.OutputStream out) throws java.io.IOException {
        Engine e = built();
        IContext context = context(e, variables, Objects.requireNonNull(scope, "scope == null"));
        org.thymeleaf.IThrottledTemplateProcessor processor;
        try {
            processor = e.engine().processThrottled(template, context);
        } catch (RuntimeException ex) {
            throw translate(ex, displayName);
        }
        while (!processor.isFinished()) {
            try {
                processor.process(STREAM_CHUNK, out, StandardCharsets.UTF_8);
            } catch (RuntimeException ex) {
                throw translate(ex, displayName);
            }
            out.flush();
        }
    }

    /** Renders {@code source} itself as an HTML template (Flask: {@code render_template_string}). */
    public String renderString(String source, Map<String, ?> variables, TemplateScope scope) {
        Objects.requireNonNull(source, "source == null");
        TemplateBackend b = backend();
        if (b != null) {
            return b.renderString(source, variables, Objects.requireNonNull(scope, "scope == null"));
        }
        return process(TemplateFolders.STRING_PREFIX + source, "<string>", variables, scope);
    }

    private String process(String template, String displayName, Map<String, ?> variables, TemplateScope scope) {
        Engine e = built();
        IContext context = context(e, variables, Objects.requireNonNull(scope, "scope == null"));
        try {
            return e.engine().process(template, context);
        } catch (RuntimeException ex) {
            throw translate(ex, displayName);
        }
    }

    private IContext context(Engine e, Map<String, ?> variables, TemplateScope scope) {
        Map<String, Object> vars = new HashMap<>();
        Request request = scope.request();
        HttpServletResponse servletResponse = scope.servletResponse();
        SessionView session = request == null || scope.session() == null ? null : new SessionView(scope.session());
        vars.put("config", app.config());
        // Globals first: everything the render adds overrides them, as Jinja's render context overrides globals.
        vars.putAll(app.templateGlobals());
        vars.put("g", scope.g());
        if (request != null) {
            vars.put("request", request);
        }
        for (Map.Entry<String, ?> v : variables.entrySet()) {
            if (RESERVED.contains(v.getKey())) {
                throw new IllegalArgumentException("The template variable name '" + v.getKey() + "' is reserved"
                        + " (Thymeleaf's " + v.getKey() + " object; 'session' is the Flask session): rename it.");
            }
            vars.put(v.getKey(), v.getValue());
        }
        Locale locale = request == null ? Locale.getDefault() : request.servletRequest().getLocale();
        if (e.web() != null && request != null && servletResponse != null) {
            IWebExchange exchange = e.web().buildExchange(request.servletRequest(), servletResponse);
            return new WebContext(new FlaskWebExchange(exchange, session), exchange.getLocale(), vars);
        }
        if (session != null) {
            vars.put("session", session);
        }
        return new Context(locale, vars);
    }

    /**
     * Our exception for a Thymeleaf failure: a not-found anywhere in the chain wins; otherwise the name and line
     * come from the first exception that has a line (Thymeleaf's outer ones name the resource, not the line), and
     * the message from the innermost Thymeleaf exception plus the root cause.
     */
    private static RuntimeException translate(RuntimeException ex, String displayName) {
        TemplateProcessingException named = null;
        TemplateProcessingException lined = null;
        TemplateProcessingException innermost = null;
        Throwable root = ex;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TemplateNotFoundException nf) {
                return nf;
            }
            if (t instanceof TemplateProcessingException tpe) {
                innermost = tpe;
                if (named == null && tpe.hasTemplateName()) {
                    named = tpe;
                }
                if (lined == null && tpe.hasTemplateName() && tpe.hasLineAndCol()) {
                    lined = tpe;
                }
            }
            root = t;
        }
        if (innermost == null) {
            return ex;
        }
        TemplateProcessingException located = lined != null ? lined : named;
        String where = located == null ? displayName : readable(located.getTemplateName());
        int line = lined == null ? 0 : lined.getLine();
        String message = innermost.getMessage();
        if (root != innermost) {
            message += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return new TemplateException("Error in template '" + where + "'" + (line > 0 ? " line " + line : "")
                + ": " + message, where, line, ex);
    }

    private static String readable(String templateName) {
        return templateName.startsWith(TemplateFolders.STRING_PREFIX) ? "<string>" : templateName;
    }

    /**
     * Whether config {@code TEMPLATE_ENGINE} selects Jinja templates; read once, when FlaskFilter starts the app
     * (or on the first render outside a container).
     *
     * @throws IllegalStateException for an unknown engine name, or for jinja without Jinjava on the class path
     */
    public boolean isJinja() {
        return backend() != null;
    }

    /**
     * The Jinja backend when {@code TEMPLATE_ENGINE} is {@code jinja}, else null. It is created by name so that no
     * Jinjava class is loaded for an app that renders Thymeleaf (Jinjava is an optional dependency).
     *
     * @throws IllegalStateException for an unknown engine name, or for jinja without Jinjava on the class path
     */
    TemplateBackend backend() {
        if (backendChosen) {
            return backend;
        }
        synchronized (this) {
            if (!backendChosen) {
                backend = chooseBackend();
                backendChosen = true;
            }
            return backend;
        }
    }

    private TemplateBackend chooseBackend() {
        String name = app.config().getString("TEMPLATE_ENGINE", "thymeleaf");
        String engineName = name == null ? "thymeleaf" : name.trim().toLowerCase(Locale.ROOT);
        if (engineName.isEmpty() || engineName.equals("thymeleaf")) {
            return null;
        }
        if (!engineName.equals("jinja")) {
            throw new IllegalStateException("TEMPLATE_ENGINE is '" + name + "'; it must be 'thymeleaf' (the default)"
                    + " or 'jinja'.");
        }
        ClassLoader loader = TemplateRenderer.class.getClassLoader();
        requireJinjava(loader);
        try {
            return (TemplateBackend) Class.forName("dev.flaskj.templating.JinjaBackend", true, loader)
                    .getDeclaredConstructor(Flask.class).newInstance(app);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Could not start the Jinja template engine: " + cause, cause);
        }
    }

    /** Fails clearly, naming the Maven coordinates, when {@code loader} cannot load Jinjava. */
    static void requireJinjava(ClassLoader loader) {
        try {
            Class.forName("com.hubspot.jinjava.Jinjava", false, loader);
        } catch (ClassNotFoundException | LinkageError missing) {
            throw new IllegalStateException("TEMPLATE_ENGINE is 'jinja' but Jinjava is not on the class path: add the"
                    + " dependency " + JINJAVA_COORDINATES + " to the application.", missing);
        }
    }

    private Engine built() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = build();
                }
                e = engine;
            }
        }
        return e;
    }

    private Engine build() {
        Boolean autoReload = app.config().getFlag("TEMPLATES_AUTO_RELOAD");
        boolean cacheable = !(autoReload != null ? autoReload : app.debug());
        ServletContext sc = app.servletContext();
        JakartaServletWebApplication web = sc == null ? null : JakartaServletWebApplication.buildApplication(sc);
        // The folders follow the app's locations, also when blueprints register after the engine was built
        // (a dialect added in the constructor builds it early).
        TemplateFolders resolver = new TemplateFolders(app::templateLocations, l -> {
            AbstractConfigurableTemplateResolver r = switch (l.kind()) {
                case FILE_SYSTEM -> new FileTemplateResolver();
                case WEBAPP -> web == null ? null : new WebApplicationTemplateResolver(web);
                case CLASSPATH -> new ClassLoaderTemplateResolver(l.classLoader());
            };
            return r == null ? null : new TemplateFolders.Folder(l.description(), configure(r, l.prefix(), cacheable));
        }, cacheable);
        TemplateEngine te = new TemplateEngine();
        te.setTemplateResolver(resolver);
        te.setLinkBuilder(new FlaskLinkBuilder(app));
        te.addDialect(new FlaskDialect(app));
        return new Engine(te, web, resolver);
    }

    private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver r,
            String prefix, boolean cacheable) {
        r.setPrefix(prefix);
        r.setTemplateMode(TemplateMode.HTML);
        r.setTextTemplateModePatterns(Set.of("*.txt"));
        r.setXmlTemplateModePatterns(Set.of("*.xml"));
        r.setJavaScriptTemplateModePatterns(Set.of("*.js"));
        r.setCSSTemplateModePatterns(Set.of("*.css"));
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setCacheable(cacheable);
        // Each folder says whether it has the template, so the next one can be tried (TemplateFolders).
        r.setCheckExistence(true);
        return r;
    }
}
