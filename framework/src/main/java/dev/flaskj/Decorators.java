package dev.flaskj;

import dev.flaskj.routing.Rule;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@link Decorate} annotations of a view (direct and meta), creates the decorators once, and wraps a
 * view in them, outermost first; one implementation for annotated views, {@link MethodView}s and
 * {@link RuleOptions#decorators}.
 */
final class Decorators {
    private Decorators() {}

    /**
     * The decorator classes named on {@code element}, outermost first: its annotations in class-file order (javac
     * writes source order), each {@code @Decorate} where it stands, each other annotation replaced by the
     * decorators it carries, recursively.
     */
    static List<Class<? extends ViewDecorator>> declaredOn(AnnotatedElement element) {
        List<Class<? extends ViewDecorator>> out = new ArrayList<>();
        collect(element.getDeclaredAnnotations(), out, new HashSet<>());
        return out;
    }

    private static void collect(Annotation[] annotations, List<Class<? extends ViewDecorator>> out,
                                Set<Class<?>> visited) {
        for (Annotation a : annotations) {
            if (a instanceof Decorate d) {
                out.add(d.value());
            } else if (a instanceof Decorates ds) {
                for (Decorate d : ds.value()) {
                    out.add(d.value());
                }
            } else {
                Class<? extends Annotation> type = a.annotationType();
                // java.lang.annotation's own (@Retention, @Documented, ...) annotate each other in cycles and never
                // carry decorators; the visited set stops a user's cycles.
                if (!type.getName().startsWith("java.") && visited.add(type)) {
                    collect(type.getDeclaredAnnotations(), out, visited);
                }
            }
        }
    }

    /**
     * Creates one instance of each decorator class.
     *
     * @param where the view it decorates, for the message ({@code com.example.App.secret()})
     * @throws IllegalArgumentException naming the decorator class, the view and the fix when a class cannot be
     *     instantiated
     */
    static List<ViewDecorator> instantiate(List<Class<? extends ViewDecorator>> types, String where) {
        List<ViewDecorator> out = new ArrayList<>(types.size());
        for (Class<? extends ViewDecorator> type : types) {
            out.add(instantiate(type, where));
        }
        return out;
    }

    private static ViewDecorator instantiate(Class<? extends ViewDecorator> type, String where) {
        String prefix = where + ": decorator " + type.getName() + " ";
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(prefix + "is abstract; @Decorate needs a concrete class implementing"
                    + " ViewDecorator");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new IllegalArgumentException(prefix + "is an inner class, which needs an enclosing instance;"
                    + " declare it static (or top-level) with a no-argument constructor");
        }
        Constructor<? extends ViewDecorator> c;
        try {
            c = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(prefix + "has no no-argument constructor; add one (it may be private),"
                    + " or pass a configured instance with RuleOptions.decorators(...)");
        }
        try {
            c.setAccessible(true);
            return c.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(prefix + "could not be created: its constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(prefix + "could not be created: " + e, e);
        }
    }

    /**
     * {@code view} wrapped in {@code decorators}, the first outermost. A view that checks its signature against
     * its rule at registration keeps doing so through the wrapping.
     *
     * @throws IllegalArgumentException when a decorator returns null, naming it and the view
     */
    static View apply(View view, List<ViewDecorator> decorators, String where) {
        if (decorators.isEmpty()) {
            return view;
        }
        View wrapped = view;
        for (int i = decorators.size() - 1; i >= 0; i--) {
            ViewDecorator d = decorators.get(i);
            View next = d.decorate(wrapped);
            if (next == null) {
                throw new IllegalArgumentException(where + ": decorator " + d.getClass().getName()
                        + " returned null from decorate(view); return the view itself or a wrapper");
            }
            wrapped = next;
        }
        if (view instanceof ViewBinder.BoundView bound) {
            View outer = wrapped;
            return new ViewBinder.BoundView() {
                @Override
                public void check(Rule rule) {
                    bound.check(rule);
                }

                @Override
                public Object handle(ViewArgs args) throws Exception {
                    return outer.handle(args);
                }
            };
        }
        return wrapped;
    }
}
