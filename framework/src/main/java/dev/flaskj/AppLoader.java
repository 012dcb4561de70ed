package dev.flaskj;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Function;

/**
 * Finds and creates the application for {@link FlaskFilter}: the class named by the filter init-param {@code app},
 * else the context-param {@code flask.app}, else the environment variable {@code FLASK_APP}; either a
 * {@link Flask} subclass with a no-argument constructor, or any class with {@code public static Flask createApp()}.
 * Every failure names the class, where the name came from, what was tried and why it failed.
 */
final class AppLoader {
    private AppLoader() {}

    static Flask load(FilterConfig config, Function<String, String> env, ClassLoader loader)
            throws ServletException {
        String className = config.getInitParameter("app");
        String source = "filter init-param 'app'";
        if (isBlank(className)) {
            className = config.getServletContext().getInitParameter("flask.app");
            source = "context-param 'flask.app'";
        }
        if (isBlank(className)) {
            className = env.apply("FLASK_APP");
            source = "environment variable FLASK_APP";
        }
        if (isBlank(className)) {
            throw new ServletException("flaskj: no application class configured for filter '"
                    + config.getFilterName() + "'. Tried the filter init-param 'app', the context-param 'flask.app'"
                    + " and the environment variable FLASK_APP; set one of them to the fully qualified name of a"
                    + " Flask subclass or of a class with 'public static Flask createApp()'.");
        }
        return create(className.trim(), source, loader);
    }

    static Flask create(String className, String source, ClassLoader loader) throws ServletException {
        String prefix = "flaskj: cannot load the application class '" + className + "' (from " + source + "): ";
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ServletException(prefix + "class not found on the web application's class path ("
                    + e + "). Check the spelling and that the class is compiled into WEB-INF/classes or a jar in"
                    + " WEB-INF/lib.", e);
        }
        Method factory = factory(type);
        try {
            if (factory != null) {
                Object app = factory.invoke(null);
                if (app == null) {
                    throw new ServletException(prefix + "createApp() returned null.");
                }
                return (Flask) app;
            }
            if (Flask.class.isAssignableFrom(type)) {
                if (Modifier.isAbstract(type.getModifiers())) {
                    throw new ServletException(prefix + "the class is abstract.");
                }
                Constructor<?> ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                return (Flask) ctor.newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new ServletException(prefix + "a Flask subclass needs a constructor without parameters.", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ServletException(prefix + (factory != null ? "createApp()" : "the constructor") + " threw "
                    + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ServletException(prefix + "it could not be instantiated: " + e, e);
        }
        throw new ServletException(prefix + "it is not a subclass of dev.flaskj.Flask and has no"
                + " 'public static Flask createApp()' factory method.");
    }

    private static Method factory(Class<?> type) {
        try {
            Method m = type.getMethod("createApp");
            boolean ok = Modifier.isStatic(m.getModifiers()) && Flask.class.isAssignableFrom(m.getReturnType());
            return ok ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
