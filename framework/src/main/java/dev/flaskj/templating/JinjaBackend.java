package dev.flaskj.templating;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.InvalidInputException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import com.hubspot.jinjava.mode.ExecutionMode;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.flaskj.Flask;
import dev.flaskj.Markup;
import dev.flaskj.TemplateFilter;
import dev.flaskj.TemplateTest;
import dev.flaskj.internal.HtmlEscaping;
import dev.flaskj.internal.HtmlSafe;
import dev.flaskj.internal.PyFloat;
import dev.flaskj.internal.Throwables;
import dev.flaskj.json.CompactJson;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.ResourceBundleELResolver;

/**
 * Jinja templates through Jinjava, chosen by config {@code TEMPLATE_ENGINE=jinja}. Loaded by name from
 * {@link TemplateRenderer} only then, so Jinjava stays an optional dependency.
 *
 * <p>What flaskj adds to plain Jinjava so that Flask's templates render as Flask renders them: MarkupSafe's
 * escaping ({@code &#34;}, {@code &#39;}) applied once, at output, to values that are not markup; Flask's
 * autoescape selection (on for {@code .html .htm .xml .xhtml .svg} and string templates); {@code url_for} and
 * {@code get_flashed_messages} with keyword arguments; Flask's HTML-safe {@code tojson}; Python's {@code str},
 * {@code dict} and date methods ({@link PyMethods}); the app's filters, tests and globals. Thread-safe.
 */
final class JinjaBackend implements TemplateBackend {
    private final Flask app;
    private final FlaskJinjava jinjava;
    private final JinjavaConfig escaping;
    private final JinjavaConfig plain;
    private final boolean cacheable;
    // Template sources by name, in production only: reading a template once per render costs I/O per include.
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    // Parsed templates by source text, in production only, for the texts of template files (not for
    // renderTemplateString, whose texts an app may build per request): Jinjava's parse() tokenises and builds the
    // tree again for every render and every extends/include/import. A Node tree is only read while rendering
    // (Jinjava's TreeParser is the only code that changes nodes or tokens, and the tags it links are stateless),
    // so renders on any number of threads share one tree.
    private final Map<String, Parsed> trees = new ConcurrentHashMap<>();
    // Real parses (tree cache misses), for the tests that prove the cache is used.
    private final LongAdder parses = new LongAdder();
    // Root contexts for renders, each used by one render at a time and reset before reuse. Jinjava builds one per
    // render (Jinjava.renderForResult copies the global context into a new root Context, whose constructor
    // instantiates every built-in filter, test, function and tag by reflection): that was most of a render's
    // CPU. Bounded: renders beyond it build their own root, as Jinjava does, and drop it.
    private final BlockingQueue<Context> roots = new ArrayBlockingQueue<>(ROOTS);
    private static final int ROOTS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    /** The tree of one template file's text, once parsed without errors. */
    private static final class Parsed {
        volatile Node tree;
    }

    /** One template folder: where it is and how to read a name from it (null when absent). */
    private record Folder(String description, Reader reader) {}

    @FunctionalInterface
    private interface Reader {
        String read(String name) throws IOException;
    }

    /** Built by {@link TemplateRenderer} through reflection, once, with the config of the first render. */
    JinjaBackend(Flask app) {
        this.app = Objects.requireNonNull(app, "app == null");
        Boolean autoReload = app.config().getFlag("TEMPLATES_AUTO_RELOAD");
        this.cacheable = !(autoReload != null ? autoReload : app.debug());
        // Jinjava's own read-only chain, built here rather than shared: its static DEFAULT_RESOLVER_READ_ONLY caches
        // bean properties by Class for the JVM's lifetime, which would pin every reloaded app's class loader.
        ELResolver resolver = new CompositeELResolver() {
            {
                add(new PyMethods());
                add(new ArrayELResolver(true));
                add(new JinjavaListELResolver(true));
                add(new TypeConvertingMapELResolver(true));
                add(new ResourceBundleELResolver());
                add(new JinjavaBeanELResolver(true));
            }
        };
        this.escaping = config(resolver, true);
        this.plain = config(resolver, false);
        this.jinjava = new FlaskJinjava(plain);
        jinjava.setResourceLocator(new Locator());
        Context globals = jinjava.global();
        globals.registerFunction(new ELFunctionDefinition("", "url_for", JinjaFunctions.class, "urlFor",
                String.class, Object[].class));
        globals.registerFunction(new ELFunctionDefinition("", "get_flashed_messages", JinjaFunctions.class,
                "getFlashedMessages", Object[].class));
        globals.registerTag(new JinjaTags.Block());
        globals.registerTag(new JinjaTags.For());
        globals.registerTag(new JinjaTags.Macro());
        globals.registerFilter(new EscapeFilter("e"));
        globals.registerFilter(new EscapeFilter("escape"));
        globals.registerFilter(new EscapeFilter("forceescape"));
        globals.registerFilter(new TojsonFilter());
        for (Map.Entry<String, TemplateFilter> f : app.templateFilters().entrySet()) {
            globals.registerFilter(new AppFilter(f.getKey(), f.getValue()));
        }
        for (Map.Entry<String, TemplateTest> t : app.templateTests().entrySet()) {
            globals.registerExpTest(new AppTest(t.getKey(), t.getValue()));
        }
        jinjava.freezeFunctions();
    }

    /**
     * Jinjava with {@link JinjaSyntax}'s expression factory (Python's {@code and}), built once, and the global
     * functions listed once.
     */
    private static final class FlaskJinjava extends Jinjava {
        private final jinjava.javax.el.ExpressionFactory factory;
        private final Context functions;
        private volatile List<ELFunctionDefinition> allFunctions;

        FlaskJinjava(JinjavaConfig config) {
            super(config);
            java.util.Properties props = new java.util.Properties();
            props.setProperty(jinjava.de.odysseus.el.tree.TreeBuilder.class.getName(), JinjaSyntax.class.getName());
            this.factory = new jinjava.de.odysseus.el.ExpressionFactoryImpl(props,
                    new com.hubspot.jinjava.el.TruthyTypeConverter());
            this.functions = new Context(super.getGlobalContext()) {
                @Override
                public java.util.Collection<ELFunctionDefinition> getAllFunctions() {
                    List<ELFunctionDefinition> all = allFunctions;
                    return all != null ? all : super.getAllFunctions();
                }
            };
        }

        /** The global context: what every render's root copies (filters, tests, functions, tags). */
        Context global() {
            return super.getGlobalContext();
        }

        /** Lists the global functions once, after the backend registered its own. */
        void freezeFunctions() {
            allFunctions = List.copyOf(global().getAllFunctions());
        }

        /**
         * The global context as Jinjava's ExpressionResolver reads it, its only caller in Jinjava: it copies
         * {@code getAllFunctions()} into the EL context of every interpreter (every render, and every import and
         * from-import), and the global context builds that collection anew with a stream over its library each
         * time. This view answers from the list built once; everything else reads its parent, the real one.
         */
        @Override
        public Context getGlobalContext() {
            return functions;
        }

        @Override
        public jinjava.javax.el.ExpressionFactory getExpressionFactory() {
            return factory;
        }
    }

    private JinjavaConfig config(ELResolver resolver, boolean autoescape) {
        return JinjavaConfig.newBuilder()
                .withElResolver(resolver)
                .withInterperterFactory(new Interpreters())
                .withExecutionMode(new FlaskMode(autoescape))
                .withCharset(StandardCharsets.UTF_8)
                .build();
    }

    /** Flask's {@code select_jinja_autoescape}. */
    static boolean autoescapes(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xml") || n.endsWith(".xhtml")
                || n.endsWith(".svg");
    }

    @Override
    public String render(String name, Map<String, ?> variables, TemplateScope scope) {
        return run(source(name), name, autoescapes(name), variables, scope);
    }

    @Override
    public String renderString(String source, Map<String, ?> variables, TemplateScope scope) {
        return run(Objects.requireNonNull(source, "source == null"), "<string>", true, variables, scope);
    }

    @Override
    public boolean exists(String name) {
        try {
            source(name);
            return true;
        } catch (TemplateNotFoundException nf) {
            return false;
        }
    }

    private String run(String source, String displayName, boolean autoescape, Map<String, ?> variables,
            TemplateScope scope) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("config", app.config());
        bindings.putAll(app.templateGlobals());
        bindings.put("g", scope.g());
        if (scope.request() != null) {
            bindings.put("request", scope.request());
            if (scope.session() != null) {
                bindings.put("session", new SessionView(scope.session()));
            }
        }
        bindings.putAll(variables);
        RenderResult result;
        try {
            JinjavaConfig config = autoescape ? escaping : plain;
            // A render inside a render (a filter or global that renders a template) keeps Jinjava's own path: it
            // takes the outer render's config and context.
            result = JinjavaInterpreter.getCurrent() == null ? renderTop(source, bindings, config)
                    : jinjava.renderForResult(source, bindings, config);
        } catch (TemplateNotFoundException nf) {
            throw nf;
        } catch (RuntimeException e) {
            TemplateNotFoundException nf = notFound(e);
            if (nf != null) {
                throw nf;
            }
            throw new TemplateException("Error in template '" + displayName + "': " + e.getMessage(), displayName, 0,
                    e);
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                TemplateNotFoundException nf = error.getException() == null ? null : notFound(error.getException());
                if (nf != null) {
                    throw nf;
                }
                String where = error.getSourceTemplate().orElse(displayName);
                int line = error.getLineno();
                throw new TemplateException("Error in template '" + where + "'" + (line > 0 ? " line " + line : "")
                        + ": " + error.getMessage(), where, Math.max(line, 0), error.getException());
            }
        }
        return result.getOutput();
    }

    /**
     * What {@code Jinjava.renderForResult} does for a render that is not nested in another, with a pooled root
     * context in place of a fresh copy of the global context: the same context chain (root, then the bindings'
     * context), the same interpreter, the same errors for the same exceptions.
     */
    private RenderResult renderTop(String source, Map<String, Object> bindings, JinjavaConfig config) {
        Context root = roots.poll();
        if (root == null) {
            root = newRoot();
        }
        Context context = new Context(root, bindings, config.getDisabled());
        JinjavaInterpreter interpreter = config.getInterpreterFactory().newInstance(jinjava, context, config);
        JinjavaInterpreter.pushCurrent(interpreter);
        boolean clean = false;
        try {
            RenderResult result = new RenderResult(interpreter.render(source), context, interpreter.getErrorsCopy());
            clean = true;
            return result;
        } catch (TemplateSyntaxException e) {
            return new RenderResult(TemplateError.fromException(e), context, interpreter.getErrorsCopy());
        } catch (InterpretException e) {
            return new RenderResult(TemplateError.fromSyntaxError(e), context, interpreter.getErrorsCopy());
        } catch (InvalidArgumentException e) {
            return new RenderResult(TemplateError.fromInvalidArgumentException(e), context,
                    interpreter.getErrorsCopy());
        } catch (InvalidInputException e) {
            return new RenderResult(TemplateError.fromInvalidInputException(e), context,
                    interpreter.getErrorsCopy());
        } catch (Exception e) {
            return new RenderResult(TemplateError.fromException(e), context, interpreter.getErrorsCopy());
        } finally {
            JinjavaInterpreter.popCurrent();
            // What a render leaves in its root: the expressions, values and functions it resolved and the files it
            // depended on, which reset() clears (Jinjava resets its global context after each render the same
            // way). Loop variables are removed by the for tag itself, in a finally. A render that threw may have
            // left more, so its root is dropped; so is one the render wrote into (it left a scope it had not
            // entered, or defined something in the root): the next render must not see it.
            if (clean && interpreter.getContext() == context && untouched(root)) {
                root.reset();
                roots.offer(root);
            }
        }
    }

    /** A root context as {@code Jinjava.renderForResult} copies it from the global one; once per pooled root. */
    private Context newRoot() {
        Context global = jinjava.global();
        Context root = new Context(null, global);
        global.getAllExpTests().forEach(root::registerExpTest);
        global.getAllFilters().forEach(root::registerFilter);
        global.getAllFunctions().forEach(root::registerFunction);
        global.getAllTags().forEach(root::registerTag);
        root.setAutoEscape(global.isAutoEscape());
        root.setDynamicVariableResolver(global.getDynamicVariableResolver());
        root.getGlobalMacros(); // created now (lookups create it lazily) so that untouched() can count entries
        rootEntries = root.getScope().size();
        return root;
    }

    // What a fresh root's scope holds: the global context's variables and the (empty) map of global macros.
    private volatile int rootEntries;

    private boolean untouched(Context root) {
        return root.getScope().size() == rootEntries && root.getGlobalMacros().isEmpty();
    }

    /** Interpreters that parse through the tree cache; the child interpreters of imports too. */
    private final class Interpreters implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return new Interpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig renderConfig) {
            return new Interpreter(application, context, renderConfig);
        }
    }

    /** Jinjava's interpreter, with {@link #parse} answered from the tree cache in production. */
    private final class Interpreter extends JinjavaInterpreter {
        private boolean parsing;
        private int parseErrors;

        Interpreter(Jinjava application, Context context, JinjavaConfig config) {
            super(application, context, config);
        }

        Interpreter(JinjavaInterpreter orig) {
            super(orig);
        }

        @Override
        public Node parse(String template) {
            Parsed parsed = cacheable ? trees.get(template) : null;
            Node tree = parsed == null ? null : parsed.tree;
            if (tree != null) {
                return tree;
            }
            parseErrors = 0;
            parsing = true;
            try {
                tree = super.parse(template);
            } finally {
                parsing = false;
            }
            parses.increment();
            // A template with a syntax error is parsed again on each render, so each render reports it.
            if (parsed != null && parseErrors == 0) {
                parsed.tree = tree;
            }
            return tree;
        }

        /**
         * Counts the errors the parser reports, before Jinjava drops duplicates or ignores them, so that no tree
         * with an error is cached.
         */
        @Override
        public void addError(TemplateError error) {
            if (parsing) {
                parseErrors++;
            }
            super.addError(error);
        }
    }

    /** How many root contexts wait in the pool; for tests. */
    int pooledRoots() {
        return roots.size();
    }

    /** How many times a template text was parsed (tree cache misses); for tests. */
    long parses() {
        return parses.sum();
    }

    private static TemplateNotFoundException notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateNotFoundException nf) {
                return nf;
            }
        }
        return null;
    }

    /** The text of template {@code name} from the first folder that has it; cached in production. */
    String source(String name) {
        String cached = cacheable ? sources.get(name) : null;
        if (cached != null) {
            return cached;
        }
        String normal = TemplateFolders.normalise(name);
        if (normal == null) {
            throw new TemplateNotFoundException(name, List.of());
        }
        List<Folder> folders = folders();
        List<String> searched = new ArrayList<>(folders.size());
        for (Folder folder : folders) {
            String text;
            try {
                text = folder.reader().read(normal);
            } catch (IOException e) {
                throw new TemplateException("Error reading template '" + name + "': " + e.getMessage(), name, 0, e);
            }
            if (text != null) {
                if (cacheable) {
                    String known = sources.putIfAbsent(name, text);
                    text = known != null ? known : text;
                    trees.putIfAbsent(text, new Parsed());
                }
                return text;
            }
            searched.add(folder.description() + normal);
        }
        throw new TemplateNotFoundException(name, searched);
    }

    /**
     * The app's template locations ({@link Flask#templateLocations()}: the app's folder, then the blueprints' in
     * registration order), read again on each lookup so that blueprints registered after this engine was built
     * are searched too; a production render reads the cache first.
     */
    private List<Folder> folders() {
        List<TemplateLocation> locations = app.templateLocations();
        List<Folder> folders = new ArrayList<>(locations.size());
        ServletContext sc = app.servletContext();
        for (TemplateLocation l : locations) {
            String prefix = l.prefix();
            Reader reader = switch (l.kind()) {
                case FILE_SYSTEM -> name -> {
                    Path p = Path.of(l.path()).resolve(name);
                    return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
                };
                case WEBAPP -> name -> {
                    if (sc == null) {
                        return null;
                    }
                    try (InputStream in = sc.getResourceAsStream(prefix + name)) {
                        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                };
                case CLASSPATH -> name -> {
                    try (InputStream in = l.classLoader().getResourceAsStream(prefix + name)) {
                        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                };
            };
            folders.add(new Folder(l.description(), reader));
        }
        return folders;
    }

    /** extends/include/import read through the same folders as the page. */
    private final class Locator implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
                throws IOException {
            try {
                return source(fullName);
            } catch (TemplateNotFoundException nf) {
                throw new ResourceNotFoundException(nf.getMessage());
            }
        }
    }

    /** Autoescape as Flask selects it, and flaskj's output of expressions. */
    private static final class FlaskMode implements ExecutionMode {
        private static final ExpressionStrategy OUTPUT = new FlaskOutput();
        private final boolean autoescape;

        FlaskMode(boolean autoescape) {
            this.autoescape = autoescape;
        }

        @Override
        public void prepareContext(Context context) {
            context.setAutoEscape(autoescape);
            context.setExpressionStrategy(OUTPUT);
        }
    }

    /**
     * {@code {{ ... }}}: the value as Python's {@code str} prints it, escaped as MarkupSafe escapes when autoescape
     * is on and the value is not markup ({@code Markup}, {@code |safe}, {@code |e}, {@code |tojson}).
     */
    private static final class FlaskOutput implements ExpressionStrategy {
        private static final long serialVersionUID = 1L;

        @Override
        public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
            Object value = interpreter.resolveELExpression(master.getExpr(), master.getLineNumber());
            if (value instanceof SafeString || value instanceof HtmlSafe) {
                return new RenderedOutputNode(value instanceof HtmlSafe h ? h.html() : value.toString());
            }
            String text = str(value, interpreter);
            return new RenderedOutputNode(interpreter.getContext().isAutoEscape() ? HtmlEscaping.escape(text) : text);
        }
    }

    /** Python's {@code str()} of a value from Java, for the values that print differently. */
    static String str(Object value, JinjavaInterpreter interpreter) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PyFloat.repr(((Number) value).doubleValue());
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
            StringBuilder out = new StringBuilder();
            repr(value, out, interpreter);
            return out.toString();
        }
        return interpreter.getAsString(value);
    }

    /** Python's {@code repr} for what {@code str()} of a list or dict prints of its items. */
    private static void repr(Object value, StringBuilder out, JinjavaInterpreter interpreter) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof CharSequence cs && !(value instanceof HtmlSafe) && !(value instanceof SafeString)) {
            String s = cs.toString();
            char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
            out.append(quote);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\r' -> out.append("\\r");
                    default -> {
                        if (c == quote) {
                            out.append('\\');
                        }
                        out.append(c);
                    }
                }
            }
            out.append(quote);
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ", ");
                repr(e.getKey(), out, interpreter);
                out.append(": ");
                repr(e.getValue(), out, interpreter);
                first = false;
            }
            out.append('}');
        } else if (value instanceof java.util.Collection<?> c) {
            boolean tuple = value instanceof dev.flaskj.json.Tuple;
            out.append(tuple ? '(' : '[');
            boolean first = true;
            for (Object o : c) {
                out.append(first ? "" : ", ");
                repr(o, out, interpreter);
                first = false;
            }
            if (tuple && c.size() == 1) {
                out.append(',');
            }
            out.append(tuple ? ')' : ']');
        } else {
            out.append(str(value, interpreter));
        }
    }

    /** {@code |e}: MarkupSafe's escape, returning markup so autoescape does not escape it again. */
    private static final class EscapeFilter implements Filter {
        private final String name;

        EscapeFilter(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean preserveSafeString() {
            return false;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            if (!name.equals("forceescape") && (var instanceof SafeString || var instanceof HtmlSafe)) {
                return var instanceof SafeString ? var : new SafeString(((HtmlSafe) var).html());
            }
            String text = var instanceof HtmlSafe h ? h.html() : var instanceof SafeString s ? s.toString()
                    : str(var, interpreter);
            return new SafeString(HtmlEscaping.escape(text));
        }
    }

    /** {@code |tojson}: Flask's HTML-safe JSON, as markup. */
    private static final class TojsonFilter implements Filter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public boolean preserveSafeString() {
            return false;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            Object plainValue = var instanceof SafeString s ? s.toString() : var;
            return new SafeString(CompactJson.dumpsHtmlSafe(plainValue));
        }
    }

    /** An app filter ({@code app.templateFilter}); markup it returns stays markup. */
    private static final class AppFilter implements Filter {
        private final String name;
        private final TemplateFilter f;

        AppFilter(String name, TemplateFilter f) {
            this.name = name;
            this.f = f;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object value = var instanceof SafeString s ? new Markup(s.toString()) : var;
            try {
                Object out = f.apply(value, args == null ? new Object[0] : args);
                return out instanceof HtmlSafe h && !(out instanceof SafeString) ? new SafeString(h.html()) : out;
            } catch (Exception e) {
                throw Throwables.sneaky(e);
            }
        }
    }

    /** An app test ({@code app.templateTest}), called as {@code {% if x is name %}}. */
    private static final class AppTest implements ExpTest {
        private final String name;
        private final TemplateTest t;

        AppTest(String name, TemplateTest t) {
            this.name = name;
            this.t = t;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            try {
                return t.test(var, args == null ? new Object[0] : args);
            } catch (Exception e) {
                throw Throwables.sneaky(e);
            }
        }
    }
}
