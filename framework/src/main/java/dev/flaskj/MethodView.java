package dev.flaskj;

import dev.flaskj.exceptions.MethodNotAllowed;
import dev.flaskj.routing.Rule;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A class-based view that sends each request to the handler named after its HTTP method (Flask:
 * {@code flask.views.MethodView}).
 *
 * <pre>{@code
 * public class UserApi extends MethodView {
 *     public Object get(int id) { return jsonify(users.find(id)); }
 *     public Object delete(int id) { users.remove(id); return makeResponse("", 204); }
 * }
 * app.addUrlRule("/users/<int:id>", "user", new UserApi());        // GET, HEAD, DELETE, OPTIONS
 * app.addUrlRule("/users/<int:id>", "user", UserApi::new);         // a new instance per request
 * }</pre>
 *
 * <p><b>Handlers</b> are the subclass's {@code public}, non-static methods named {@code get}, {@code post},
 * {@code put}, {@code patch}, {@code delete} (and, as in Flask, {@code head}, {@code options}, {@code trace}),
 * declared or inherited (an interface's default method counts). At most one method of each name. Their parameters
 * bind like an annotated view's: by name, converted to the parameter's type, and checked against the rule at
 * startup, so every handler takes every variable of the rule. A non-public method with a handler's name is a
 * startup error, not a silently missing method.
 *
 * <p><b>Methods.</b> The rule allows the methods that have handlers; {@code get} answers {@code HEAD} too (unless
 * there is a {@code head}), and {@code OPTIONS} is answered automatically (unless there is an {@code options}).
 * Any other method is a 405 with an {@code Allow} header. {@code RuleOptions.methods(...)} replaces the list
 * (Flask: the class's {@code methods}); naming a method without a handler fails at registration (Flask would fail
 * each such request with a 500).
 *
 * <p><b>Decorators</b> on the class ({@link Decorate @Decorate}, or a user annotation carrying it) wrap the whole
 * view, every handler (Flask: the class's {@code decorators}), first listed outermost; the nearest class in the
 * hierarchy that has any decides. {@code RuleOptions.decorators(...)} wraps those. {@code @Decorate} on a handler
 * method is a startup error.
 *
 * <p><b>Instances.</b> {@code addUrlRule(rule, endpoint, view)} uses that one instance for every request and every
 * thread (Flask: {@code init_every_request = False}): keep it stateless, or its fields thread-safe.
 * {@code addUrlRule(rule, endpoint, supplier)} calls the supplier for each request (Flask's default); it is also
 * called once at registration, to learn the class, and must always return that same class.
 */
public abstract class MethodView {
    /** Flask's {@code http_method_funcs}, in the order the derived methods are listed. */
    private static final List<String> HANDLER_NAMES =
            List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    /** For subclasses. */
    protected MethodView() {}

    /** The view to register and the methods it allows. */
    record Registration(View view, List<String> methods) {}

    /**
     * Finds the handlers of {@code type}, checks them, and makes the view that dispatches to them.
     *
     * @param instances the instance for each request (the same one, or a new one each time)
     * @throws IllegalArgumentException naming the class, the method and the fix for each misuse
     */
    static Registration register(Class<? extends MethodView> type, Supplier<? extends MethodView> instances,
                                 RuleOptions options) {
        Map<String, ViewBinder.Handler> handlers = handlers(type);
        List<String> methods = options.hasMethods() ? checkListed(type, handlers, options.methodList())
                : derived(handlers);
        Map<String, ViewBinder.Handler> byMethod = new HashMap<>();
        handlers.forEach((name, h) -> byMethod.put(name.toUpperCase(Locale.ROOT), h));
        if (!byMethod.containsKey("HEAD") && byMethod.containsKey("GET")) {
            byMethod.put("HEAD", byMethod.get("GET")); // Flask: a HEAD without head() runs get()
        }
        byMethod.keySet().retainAll(withHead(methods));
        View dispatch = new ViewBinder.BoundView() {
            @Override
            public void check(Rule rule) {
                ViewBinder.MissingParameter missing = null;
                for (ViewBinder.Handler h : handlers.values()) {
                    try {
                        h.check(rule);
                    } catch (ViewBinder.MissingParameter e) {
                        missing = missing == null ? e : missing; // every handler's other problems first
                    }
                }
                if (missing != null) {
                    throw missing;
                }
            }

            @Override
            public Object handle(ViewArgs args) throws Exception {
                ViewBinder.Handler h = byMethod.get(Scaffold.request().method());
                if (h == null) {
                    // Routing lets only the allowed methods through; this guards a rule that allowed another.
                    throw new MethodNotAllowed(methods, null);
                }
                MethodView instance = instances.get();
                if (instance == null || instance.getClass() != type) {
                    throw new IllegalStateException("the MethodView supplier registered for " + type.getName()
                            + " returned " + (instance == null ? "null" : "a " + instance.getClass().getName())
                            + "; it must return a new " + type.getName() + " each time");
                }
                return h.call(instance, args);
            }
        };
        String where = type.getName();
        View view = Decorators.apply(dispatch, Decorators.instantiate(classDecorators(type), where), where);
        return new Registration(view, methods);
    }

    private static Map<String, ViewBinder.Handler> handlers(Class<? extends MethodView> type) {
        rejectNonPublicHandlers(type);
        Map<String, Method> found = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            if (!HANDLER_NAMES.contains(m.getName()) || Modifier.isStatic(m.getModifiers()) || m.isBridge()
                    || m.isSynthetic() || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Method other = found.putIfAbsent(m.getName(), m);
            if (other != null) {
                throw new IllegalArgumentException(ViewBinder.describe(m) + ": " + type.getName() + " has two "
                        + m.getName() + " handlers (also " + ViewBinder.describe(other) + "); a MethodView has one"
                        + " handler per HTTP method: keep one and rename the other");
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + ": a MethodView needs at least one handler method,"
                    + " but it declares none; add e.g. public Object get() (handlers: public methods named get,"
                    + " post, put, patch, delete, head, options or trace)");
        }
        Map<String, ViewBinder.Handler> handlers = new LinkedHashMap<>();
        for (String name : HANDLER_NAMES) {
            Method m = found.get(name);
            if (m != null) {
                if (!Decorators.declaredOn(m).isEmpty()) {
                    throw ViewBinder.startupError(m, "@Decorate on a MethodView handler is not applied; put it on"
                            + " the class " + type.getName() + " (it then wraps every handler)");
                }
                handlers.put(name, ViewBinder.Handler.of(m));
            }
        }
        return handlers;
    }

    /** A package-private {@code get()} would be ignored by Flask's rules here; say so instead. */
    private static void rejectNonPublicHandlers(Class<?> type) {
        for (Class<?> c = type; c != null && c != MethodView.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (HANDLER_NAMES.contains(m.getName()) && !Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    throw ViewBinder.startupError(m, "a MethodView handler must be public; declare it"
                            + " public (or rename it if it is not a handler)");
                }
            }
        }
    }

    private static List<String> derived(Map<String, ViewBinder.Handler> handlers) {
        List<String> methods = new ArrayList<>();
        for (String name : handlers.keySet()) {
            methods.add(name.toUpperCase(Locale.ROOT));
        }
        return List.copyOf(methods);
    }

    private static List<String> checkListed(Class<?> type, Map<String, ViewBinder.Handler> handlers,
                                            List<String> listed) {
        List<String> methods = new ArrayList<>();
        for (String method : listed) {
            String upper = method.toUpperCase(Locale.ROOT);
            String name = upper.toLowerCase(Locale.ROOT);
            boolean handled = handlers.containsKey(name) || (upper.equals("HEAD") && handlers.containsKey("get"));
            if (!handled) {
                throw new IllegalArgumentException(type.getName() + ": RuleOptions.methods lists " + upper
                        + " but the class has no public " + name + "(...) handler; add one or remove " + upper
                        + " from the methods");
            }
            methods.add(upper);
        }
        return List.copyOf(methods);
    }

    private static List<String> withHead(List<String> methods) {
        List<String> out = new ArrayList<>(methods);
        if (methods.contains("GET")) {
            out.add("HEAD");
        }
        return out;
    }

    /** The decorators of the nearest class (from {@code type} up) that names any, outermost first. */
    private static List<Class<? extends ViewDecorator>> classDecorators(Class<?> type) {
        for (Class<?> c = type; c != null && c != MethodView.class; c = c.getSuperclass()) {
            List<Class<? extends ViewDecorator>> ds = Decorators.declaredOn(c);
            if (!ds.isEmpty()) {
                return ds;
            }
        }
        return List.of();
    }

    static Registration register(MethodView view, RuleOptions options) {
        Objects.requireNonNull(view, "view == null");
        return register(view.getClass(), () -> view, options);
    }

    static Registration register(Supplier<? extends MethodView> factory, RuleOptions options) {
        Objects.requireNonNull(factory, "factory == null");
        MethodView first = factory.get();
        if (first == null) {
            throw new IllegalArgumentException("the MethodView supplier returned null; it must return a new view");
        }
        return register(first.getClass(), factory, options);
    }
}
