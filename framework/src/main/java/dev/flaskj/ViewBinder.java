package dev.flaskj;

import dev.flaskj.exceptions.HttpException;
import dev.flaskj.internal.ClassFileOrder;
import dev.flaskj.routing.Rule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers the annotated methods of an app or blueprint class: {@link Route} (and its shortcuts),
 * {@link BeforeRequest}, {@link AfterRequest}, {@link TeardownRequest}, {@link ContextProcessor},
 * {@link ErrorHandler}, the URL processors and the blueprints' app-wide twins ({@link BeforeAppRequest}, ...), in
 * source order.
 *
 * <p>Every mismatch between a rule and a method signature is found here, at startup, and named with the class,
 * method, rule and variable, so it is never a 500 later.
 */
final class ViewBinder {
    private ViewBinder() {}

    static void bind(Scaffold target, Object instance, Class<?> stopAt) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = instance.getClass(); c != null && c != stopAt; c = c.getSuperclass()) {
            hierarchy.add(c);
        }
        Collections.reverse(hierarchy); // superclass routes first, as a Flask subclass would inherit them
        for (Class<?> c : hierarchy) {
            for (Method m : ClassFileOrder.declaredMethods(c)) {
                if (m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                bindMethod(target, instance, m, stopAt);
            }
        }
    }

    private static void bindMethod(Scaffold target, Object instance, Method m, Class<?> framework) {
        List<RouteSpec> routes = routes(m);
        List<Class<? extends ViewDecorator>> decorators = Decorators.declaredOn(m);
        if (!routes.isEmpty()) {
            rejectFrameworkOverride(m, framework);
            bindRoutes(target, instance, m, routes, decorators);
        } else if (!decorators.isEmpty()) {
            throw startupError(m, "has @Decorate (or an annotation carrying it) but is not a view; add @Route,"
                    + " @Get, @Post, @Put, @Patch or @Delete, or remove the decorator");
        }
        if (m.isAnnotationPresent(BeforeRequest.class)) {
            target.beforeRequest(beforeFunction(instance, m, "@BeforeRequest"));
        }
        if (m.isAnnotationPresent(BeforeAppRequest.class)) {
            blueprint(target, m, "@BeforeAppRequest", "@BeforeRequest")
                    .beforeAppRequest(beforeFunction(instance, m, "@BeforeAppRequest"));
        }
        if (m.isAnnotationPresent(AfterRequest.class)) {
            target.afterRequest(afterFunction(instance, m, "@AfterRequest"));
        }
        if (m.isAnnotationPresent(AfterAppRequest.class)) {
            blueprint(target, m, "@AfterAppRequest", "@AfterRequest")
                    .afterAppRequest(afterFunction(instance, m, "@AfterAppRequest"));
        }
        if (m.isAnnotationPresent(TeardownRequest.class)) {
            target.teardownRequest(teardownFunction(instance, m, "@TeardownRequest"));
        }
        if (m.isAnnotationPresent(TeardownAppRequest.class)) {
            blueprint(target, m, "@TeardownAppRequest", "@TeardownRequest")
                    .teardownAppRequest(teardownFunction(instance, m, "@TeardownAppRequest"));
        }
        if (m.isAnnotationPresent(ContextProcessor.class)) {
            target.contextProcessor(contextProcessorFunction(instance, m, "@ContextProcessor"));
        }
        if (m.isAnnotationPresent(AppContextProcessor.class)) {
            blueprint(target, m, "@AppContextProcessor", "@ContextProcessor")
                    .appContextProcessor(contextProcessorFunction(instance, m, "@AppContextProcessor"));
        }
        if (m.isAnnotationPresent(UrlValuePreprocessor.class)) {
            UrlProcessor p = urlProcessor(instance, m, "@UrlValuePreprocessor");
            target.urlValuePreprocessor(p::call);
        }
        if (m.isAnnotationPresent(AppUrlValuePreprocessor.class)) {
            Blueprint bp = blueprint(target, m, "@AppUrlValuePreprocessor", "@UrlValuePreprocessor");
            UrlProcessor p = urlProcessor(instance, m, "@AppUrlValuePreprocessor");
            bp.appUrlValuePreprocessor(p::call);
        }
        if (m.isAnnotationPresent(UrlDefaults.class)) {
            UrlProcessor p = urlProcessor(instance, m, "@UrlDefaults");
            target.urlDefaults(p::call);
        }
        if (m.isAnnotationPresent(AppUrlDefaults.class)) {
            Blueprint bp = blueprint(target, m, "@AppUrlDefaults", "@UrlDefaults");
            UrlProcessor p = urlProcessor(instance, m, "@AppUrlDefaults");
            bp.appUrlDefaults(p::call);
        }
        ErrorHandler eh = m.getAnnotation(ErrorHandler.class);
        if (eh != null) {
            bindErrorHandler(target, null, instance, m, "@ErrorHandler", eh.value(), eh.exception());
        }
        AppErrorHandler aeh = m.getAnnotation(AppErrorHandler.class);
        if (aeh != null) {
            Blueprint bp = blueprint(target, m, "@AppErrorHandler", "@ErrorHandler");
            bindErrorHandler(target, bp, instance, m, "@AppErrorHandler", aeh.value(), aeh.exception());
        }
        AsTemplateFilter tf = m.getAnnotation(AsTemplateFilter.class);
        if (tf != null) {
            TemplateFunction f = templateFunction(instance, m, "@AsTemplateFilter", tf.value());
            TemplateFilter filter = (value, args) -> f.call(value, args);
            if (target instanceof Flask app) {
                app.templateFilter(f.name(), filter);
            } else {
                ((Blueprint) target).appTemplateFilter(f.name(), filter);
            }
        }
        AsTemplateTest tt = m.getAnnotation(AsTemplateTest.class);
        if (tt != null) {
            if (m.getReturnType() != boolean.class && m.getReturnType() != Boolean.class) {
                throw startupError(m, "an @AsTemplateTest method must return boolean");
            }
            TemplateFunction f = templateFunction(instance, m, "@AsTemplateTest", tt.value());
            TemplateTest test = (value, args) -> Boolean.TRUE.equals(f.call(value, args));
            if (target instanceof Flask app) {
                app.templateTest(f.name(), test);
            } else {
                ((Blueprint) target).appTemplateTest(f.name(), test);
            }
        }
    }

    private static TemplateFunction templateFunction(Object instance, Method m, String annotation, String name) {
        if (m.getParameterCount() == 0) {
            throw startupError(m, "an " + annotation + " method takes the value as its first parameter");
        }
        MethodHandle h;
        try {
            m.setAccessible(true);
            h = MethodHandles.lookup().unreflect(m).bindTo(instance).asFixedArity();
        } catch (IllegalAccessException | RuntimeException e) {
            throw startupError(m, "cannot be called by flaskj: " + e.getMessage());
        }
        return new TemplateFunction(name.isEmpty() ? m.getName() : name, m, h);
    }

    /**
     * An annotated template filter or test: the template's value and arguments bound to the method's parameters by
     * position, numbers converted to the parameter's number type, a varargs parameter collecting the rest.
     */
    private record TemplateFunction(String name, Method method, MethodHandle handle) {
        Object call(Object value, Object[] args) throws Exception {
            Class<?>[] types = method.getParameterTypes();
            int given = 1 + args.length;
            boolean varargs = method.isVarArgs();
            int fixed = varargs ? types.length - 1 : types.length;
            if (varargs ? given < fixed : given != fixed) {
                throw new IllegalArgumentException("template function '" + name + "' (" + method.getName()
                        + ") takes " + (varargs ? "at least " : "") + (fixed - 1) + " argument(s) after the value,"
                        + " got " + args.length);
            }
            Object[] all = new Object[types.length];
            for (int i = 0; i < fixed; i++) {
                all[i] = convert(types[i], i == 0 ? value : args[i - 1]);
            }
            if (varargs) {
                Class<?> component = types[types.length - 1].getComponentType();
                Object rest = java.lang.reflect.Array.newInstance(component, given - fixed);
                for (int i = fixed; i < given; i++) {
                    java.lang.reflect.Array.set(rest, i - fixed, convert(component, args[i - 1]));
                }
                all[types.length - 1] = rest;
            }
            try {
                return handle.invokeWithArguments(all);
            } catch (ClassCastException | WrongMethodTypeException | NullPointerException e) {
                if (isConversionFailure(e)) {
                    throw new IllegalArgumentException("template function '" + name + "' (" + method.getName()
                            + ") cannot take these arguments: " + e.getMessage(), e);
                }
                throw e;
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        /** Whether the exception came from binding the arguments, not from inside the method. */
        private boolean isConversionFailure(RuntimeException e) {
            StackTraceElement[] trace = e.getStackTrace();
            for (StackTraceElement el : trace) {
                if (el.getClassName().equals(method.getDeclaringClass().getName())
                        && el.getMethodName().equals(method.getName())) {
                    return false;
                }
            }
            return true;
        }

        private static Object convert(Class<?> type, Object v) {
            if (v instanceof Character c && type == String.class) {
                return c.toString(); // OGNL reads a one-letter literal such as 'x' as a Character
            }
            if (!(v instanceof Number)) {
                return v;
            }
            Class<?> boxed = type == int.class ? Integer.class : type == long.class ? Long.class
                    : type == double.class ? Double.class : type == float.class ? Float.class : type;
            if (boxed == Integer.class || boxed == Long.class || boxed == Double.class || boxed == Float.class) {
                return Coercion.to(boxed, v);
            }
            return v;
        }
    }

    /**
     * The blueprint an app-wide hook annotation is on; on an app the annotation would mean nothing different from
     * the plain one, and silently accepting it would hide a method copied to the wrong class, so it is an error.
     */
    private static Blueprint blueprint(Scaffold target, Method m, String annotation, String plain) {
        if (target instanceof Blueprint bp) {
            return bp;
        }
        throw startupError(m, annotation + " registers a blueprint's hook for the whole app and is only allowed on"
                + " a Blueprint; use " + plain + " on an app");
    }

    private static BeforeRequestFunction beforeFunction(Object instance, Method m, String annotation) {
        requireParams(m, annotation, 0);
        MethodHandle h = handle(instance, m);
        return () -> invoke(h);
    }

    private static AfterRequestFunction afterFunction(Object instance, Method m, String annotation) {
        if (m.getParameterCount() != 1 || !m.getParameterTypes()[0].isAssignableFrom(Response.class)
                || !Response.class.isAssignableFrom(m.getReturnType())) {
            throw startupError(m, "an " + annotation + " method must take a Response and return a Response");
        }
        MethodHandle h = handle(instance, m);
        return r -> (Response) invoke(h, r);
    }

    @SuppressWarnings("unchecked")
    private static ContextProcessorFunction contextProcessorFunction(Object instance, Method m, String annotation) {
        requireParams(m, annotation, 0);
        if (!Map.class.isAssignableFrom(m.getReturnType())) {
            throw startupError(m, "a " + annotation + " method must return a Map");
        }
        MethodHandle h = handle(instance, m);
        return () -> (Map<String, ?>) invoke(h);
    }

    /** A URL processor method: {@code (String endpoint, Map<String, Object> values)}, result ignored. */
    @FunctionalInterface
    private interface UrlProcessor {
        void call(String endpoint, Map<String, Object> values) throws Exception;
    }

    private static UrlProcessor urlProcessor(Object instance, Method m, String annotation) {
        Class<?>[] types = m.getParameterTypes();
        if (types.length != 2 || !types[0].isAssignableFrom(String.class) || !types[1].isAssignableFrom(Map.class)) {
            throw startupError(m, "an " + annotation + " method takes (String endpoint, Map<String, Object> values)");
        }
        MethodHandle h = handle(instance, m);
        return (endpoint, values) -> invoke(h, endpoint, values);
    }

    private static void requireParams(Method m, String annotation, int count) {
        if (m.getParameterCount() != count) {
            throw startupError(m, "an " + annotation + " method takes " + count + " parameters");
        }
    }

    private static TeardownFunction teardownFunction(Object instance, Method m, String annotation) {
        if (m.getParameterCount() > 1
                || (m.getParameterCount() == 1 && !m.getParameterTypes()[0].isAssignableFrom(Throwable.class))) {
            throw startupError(m, "a " + annotation + " method takes no parameter or one Throwable");
        }
        MethodHandle h = handle(instance, m);
        boolean withArg = m.getParameterCount() == 1;
        return exc -> {
            if (withArg) {
                invoke(h, exc);
            } else {
                invoke(h);
            }
        };
    }

    /** Binds an error handler method; {@code appWide} non-null for {@link AppErrorHandler} on that blueprint. */
    private static void bindErrorHandler(Scaffold target, Blueprint appWide, Object instance, Method m,
                                         String annotation, int code, Class<? extends Throwable> exception) {
        boolean byCode = code != 0;
        if (byCode == (exception != ErrorHandler.None.class)) {
            throw startupError(m, annotation + " needs exactly one of a status code or exception = SomeError.class");
        }
        Class<?> handled = byCode ? HttpException.class : exception;
        if (m.getParameterCount() > 1) {
            throw startupError(m, "an " + annotation + " method takes no parameter or one exception parameter");
        }
        Class<?> param = m.getParameterCount() == 1 ? m.getParameterTypes()[0] : null;
        if (param != null && !param.isAssignableFrom(handled) && !handled.isAssignableFrom(param)) {
            throw startupError(m, "its parameter type " + param.getSimpleName() + " cannot receive a "
                    + handled.getSimpleName());
        }
        MethodHandle h = handle(instance, m);
        ErrorHandlerFunction<Throwable> f = e -> {
            if (param == null) {
                return invoke(h);
            }
            if (!param.isInstance(e)) {
                throw e instanceof Exception ex ? ex : new IllegalStateException(e);
            }
            return invoke(h, e);
        };
        @SuppressWarnings("unchecked")
        Class<Throwable> type = (Class<Throwable>) exception;
        if (appWide != null && byCode) {
            appWide.appErrorHandler(code, f::handle);
        } else if (appWide != null) {
            appWide.appErrorHandler(type, f);
        } else if (byCode) {
            target.errorHandler(code, f::handle);
        } else {
            target.errorHandler(type, f);
        }
    }

    /**
     * A view that overrides one of the framework's own methods (say {@code Object render(String, Map)}) would
     * silently change the app's behaviour everywhere; refuse it, naming both methods.
     */
    private static void rejectFrameworkOverride(Method view, Class<?> framework) {
        for (Class<?> c = framework; c != null && c != Object.class; c = c.getSuperclass()) {
            Method overridden;
            try {
                overridden = c.getDeclaredMethod(view.getName(), view.getParameterTypes());
            } catch (NoSuchMethodException e) {
                continue;
            }
            int mod = overridden.getModifiers();
            if (!java.lang.reflect.Modifier.isPrivate(mod) && !java.lang.reflect.Modifier.isStatic(mod)) {
                throw startupError(view, "this view overrides the framework method " + c.getName() + "."
                        + overridden.getName() + "(" + paramList(overridden) + "); rename the view method and keep"
                        + " its endpoint with @Route(value = ..., endpoint = \"" + view.getName() + "\")");
            }
        }
    }

    /** One rule of a view: a {@link Route} or one of its method shortcuts. */
    private record RouteSpec(String value, String[] methods, String endpoint, String[] defaults,
                             boolean strictSlashes, boolean mergeSlashes, boolean alias) {}

    /**
     * The rules of a method in annotation order: {@code @Route}s and the shortcuts {@code @Get} ... {@code @Patch}
     * (each repeated one in its container's place).
     */
    private static List<RouteSpec> routes(Method m) {
        List<RouteSpec> out = new ArrayList<>();
        for (java.lang.annotation.Annotation a : m.getDeclaredAnnotations()) {
            if (a instanceof Route r) {
                out.add(new RouteSpec(r.value(), r.methods(), r.endpoint(), r.defaults(), r.strictSlashes(),
                        r.mergeSlashes(), r.alias()));
            } else if (a instanceof Routes rs) {
                for (Route r : rs.value()) {
                    out.add(new RouteSpec(r.value(), r.methods(), r.endpoint(), r.defaults(), r.strictSlashes(),
                        r.mergeSlashes(), r.alias()));
                }
            } else if (a instanceof Get g) {
                out.add(shortcut("GET", g.value(), g.endpoint(), g.defaults(), g.strictSlashes(),
                        g.mergeSlashes(), g.alias()));
            } else if (a instanceof Gets gs) {
                for (Get g : gs.value()) {
                    out.add(shortcut("GET", g.value(), g.endpoint(), g.defaults(), g.strictSlashes(),
                        g.mergeSlashes(), g.alias()));
                }
            } else if (a instanceof Post p) {
                out.add(shortcut("POST", p.value(), p.endpoint(), p.defaults(), p.strictSlashes(),
                        p.mergeSlashes(), p.alias()));
            } else if (a instanceof Posts ps) {
                for (Post p : ps.value()) {
                    out.add(shortcut("POST", p.value(), p.endpoint(), p.defaults(), p.strictSlashes(),
                        p.mergeSlashes(), p.alias()));
                }
            } else if (a instanceof Put p) {
                out.add(shortcut("PUT", p.value(), p.endpoint(), p.defaults(), p.strictSlashes(),
                        p.mergeSlashes(), p.alias()));
            } else if (a instanceof Puts ps) {
                for (Put p : ps.value()) {
                    out.add(shortcut("PUT", p.value(), p.endpoint(), p.defaults(), p.strictSlashes(),
                        p.mergeSlashes(), p.alias()));
                }
            } else if (a instanceof Delete d) {
                out.add(shortcut("DELETE", d.value(), d.endpoint(), d.defaults(), d.strictSlashes(),
                        d.mergeSlashes(), d.alias()));
            } else if (a instanceof Deletes ds) {
                for (Delete d : ds.value()) {
                    out.add(shortcut("DELETE", d.value(), d.endpoint(), d.defaults(), d.strictSlashes(),
                        d.mergeSlashes(), d.alias()));
                }
            } else if (a instanceof Patch p) {
                out.add(shortcut("PATCH", p.value(), p.endpoint(), p.defaults(), p.strictSlashes(),
                        p.mergeSlashes(), p.alias()));
            } else if (a instanceof Patches ps) {
                for (Patch p : ps.value()) {
                    out.add(shortcut("PATCH", p.value(), p.endpoint(), p.defaults(), p.strictSlashes(),
                        p.mergeSlashes(), p.alias()));
                }
            }
        }
        return out;
    }

    private static RouteSpec shortcut(String method, String value, String endpoint, String[] defaults,
                                      boolean strictSlashes, boolean mergeSlashes, boolean alias) {
        return new RouteSpec(value, new String[] {method}, endpoint, defaults, strictSlashes, mergeSlashes, alias);
    }

    private static void bindRoutes(Scaffold target, Object instance, Method m, List<RouteSpec> routes,
                                   List<Class<? extends ViewDecorator>> decoratorTypes) {
        Parameter[] params = checkParameters(m);
        String where = describe(m);
        // Decorated once for all of the method's rules: one view object, so its rules share the endpoint.
        View view = Decorators.apply(view(instance, m, params), Decorators.instantiate(decoratorTypes, where), where);
        for (RouteSpec route : routes) {
            Map<String, Object> defaults = parseDefaults(m, route);
            String endpoint = route.endpoint().isEmpty() ? m.getName() : route.endpoint();
            RuleOptions options = RuleOptions.methods(route.methods()).defaults(defaults)
                    .strictSlashes(route.strictSlashes()).mergeSlashes(route.mergeSlashes()).alias(route.alias());
            target.addUrlRule(route.value(), endpoint, view, options);
        }
    }

    /** The method's parameters, after checking that URL values can bind to them by name. */
    private static Parameter[] checkParameters(Method m) {
        Parameter[] params = m.getParameters();
        for (Parameter p : params) {
            if (!p.isNamePresent()) {
                throw startupError(m, "parameter names are missing from the class file; compile with -parameters"
                        + " (maven-compiler-plugin <parameters>true</parameters>) so URL variables can bind by name");
            }
            if (target(p.getType()) == null) {
                throw startupError(m, "parameter '" + p.getName() + "' has type " + p.getType().getSimpleName()
                        + "; URL variables bind to String, int/Integer, long/Long, BigInteger, double/Double,"
                        + " float/Float, UUID or Object");
            }
        }
        return params;
    }

    private static Map<String, Object> parseDefaults(Method m, RouteSpec route) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (String d : route.defaults()) {
            int eq = d.indexOf('=');
            if (eq <= 0) {
                throw startupError(m, "default '" + d + "' on rule '" + route.value() + "' must be key=value");
            }
            defaults.put(d.substring(0, eq).trim(), d.substring(eq + 1).trim());
        }
        return defaults;
    }

    /**
     * Every rule variable and default has a parameter its converter can fill, and every parameter has a variable
     * or default; called with the compiled rule when it is registered.
     */
    static void checkSignature(Method m, Rule rule, Parameter[] params) {
        String missing = null;
        Set<String> provided = new LinkedHashSet<>(rule.arguments());
        provided.addAll(rule.defaults().keySet());
        for (String var : provided) {
            Parameter p = parameter(params, var);
            if (p == null) {
                if (missing == null) {
                    missing = var;
                }
                continue;
            }
            if (rule.arguments().contains(var) && !rule.converter(var).accepts(p.getType())) {
                throw startupError(m, "rule '" + rule + "' variable '" + var + "' is converted to "
                        + rule.converter(var).javaType().getSimpleName() + ", which a parameter of type "
                        + p.getType().getSimpleName() + " cannot receive");
            }
        }
        for (Parameter p : params) {
            if (!provided.contains(p.getName())) {
                if (missing != null) {
                    // A variable without a parameter and a parameter without a variable: a misspelt name,
                    // which no preprocessor excuses; name the variable, as the simpler case does.
                    throw startupError(m, missingMessage(rule, missing));
                }
                throw startupError(m, "parameter '" + p.getName() + "' is not a variable (or default) of rule '"
                        + rule + "'; add <" + p.getName() + "> to the rule or a default for it, or remove the"
                        + " parameter");
            }
        }
        if (missing != null) {
            // Reported last, and only as a MissingParameter: a URL value preprocessor of the app or of the
            // view's blueprints may remove the variable before the view binds, which is known only at freeze.
            throw new MissingParameter(startupError(m, missingMessage(rule, missing)).getMessage());
        }
    }

    private static String missingMessage(Rule rule, String var) {
        return "rule '" + rule + "' has variable '" + var + "' but the method has no parameter named '" + var
                + "'; add one, or register a URL value preprocessor (urlValuePreprocessor) on the app or the"
                + " view's blueprint that removes it";
    }

    /**
     * A rule variable without a parameter: an error unless a URL value preprocessor applies to the view's
     * endpoint, which the app decides when it freezes.
     */
    static final class MissingParameter extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MissingParameter(String message) {
            super(message);
        }
    }

    private static Parameter parameter(Parameter[] params, String name) {
        for (Parameter p : params) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The boxed type a parameter receives, or null if URL values cannot bind to it. */
    private static Class<?> target(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.class;
        }
        if (type == long.class || type == Long.class) {
            return Long.class;
        }
        if (type == double.class || type == Double.class) {
            return Double.class;
        }
        if (type == float.class || type == Float.class) {
            return Float.class;
        }
        if (type == String.class || type == BigInteger.class || type == UUID.class || type == Object.class) {
            return type;
        }
        return null;
    }

    private static View view(Object instance, Method m, Parameter[] params) {
        MethodHandle h = handle(instance, m);
        String[] names = names(params);
        Class<?>[] types = targets(params);
        return new BoundView() {
            @Override
            public void check(Rule rule) {
                checkSignature(m, rule, params);
            }

            @Override
            public Object handle(ViewArgs args) throws Exception {
                return invoke(h, arguments(names, types, args));
            }
        };
    }

    private static String[] names(Parameter[] params) {
        String[] names = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            names[i] = params[i].getName();
        }
        return names;
    }

    private static Class<?>[] targets(Parameter[] params) {
        Class<?>[] types = new Class<?>[params.length];
        for (int i = 0; i < params.length; i++) {
            types[i] = target(params[i].getType());
        }
        return types;
    }

    /** The URL values for the parameters, each converted to its parameter's type. */
    private static Object[] arguments(String[] names, Class<?>[] types, ViewArgs args) {
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                values[i] = Coercion.to(types[i], args.get(names[i]));
            } catch (ArithmeticException | IllegalArgumentException e) {
                // e.g. a 30-digit number for an int parameter: the URL names nothing this view can serve
                throw new dev.flaskj.exceptions.NotFound();
            }
        }
        return values;
    }

    /**
     * A method whose parameters bind like a view's, called on an instance given per call: a {@link MethodView}'s
     * handler, whose instance may be new for each request.
     */
    static final class Handler {
        private final Method method;
        private final Parameter[] params;
        private final String[] names;
        private final Class<?>[] types;
        private final MethodHandle handle; // (Object instance, Object[] args) -> Object

        private Handler(Method method) {
            this.method = method;
            this.params = checkParameters(method);
            this.names = names(params);
            this.types = targets(params);
            try {
                method.setAccessible(true);
                this.handle = MethodHandles.lookup().unreflect(method)
                        .asSpreader(Object[].class, method.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
            } catch (IllegalAccessException | RuntimeException e) {
                throw startupError(method, "cannot be called by flaskj: " + e.getMessage());
            }
        }

        /**
         * The handler for {@code m}.
         *
         * @throws IllegalArgumentException naming the method when a parameter cannot bind
         */
        static Handler of(Method m) {
            return new Handler(m);
        }

        Method method() {
            return method;
        }

        /** Checks the parameters against a rule, as a view's are. */
        void check(Rule rule) {
            checkSignature(method, rule, params);
        }

        Object call(Object instance, ViewArgs args) throws Exception {
            Object[] values = arguments(names, types, args);
            try {
                return (Object) handle.invokeExact(instance, values);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A view made from an annotated method; it checks its signature against each rule it is registered for. */
    interface BoundView extends View {
        void check(Rule rule);
    }

    /** A handle taking Object[] and returning Object, bound to the instance. */
    private static MethodHandle handle(Object instance, Method m) {
        try {
            m.setAccessible(true);
            MethodHandle h = MethodHandles.lookup().unreflect(m).bindTo(instance);
            return h.asSpreader(Object[].class, m.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw startupError(m, "cannot be called by flaskj: " + e.getMessage());
        }
    }

    private static Object invoke(MethodHandle h, Object... args) throws Exception {
        try {
            return (Object) h.invokeExact(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static IllegalArgumentException startupError(Method m, String problem) {
        return new IllegalArgumentException(describe(m) + ": " + problem);
    }

    /** {@code com.example.App.show(int)}: how startup errors name a method. */
    static String describe(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + "(" + paramList(m) + ")";
    }

    private static String paramList(Method m) {
        StringBuilder b = new StringBuilder();
        for (Class<?> p : m.getParameterTypes()) {
            b.append(b.length() == 0 ? "" : ", ").append(p.getSimpleName());
        }
        return b.toString();
    }
}
