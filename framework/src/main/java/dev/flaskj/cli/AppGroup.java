package dev.flaskj.cli;

import dev.flaskj.Flask;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The app's custom commands (Flask: {@code app.cli}, a click {@code AppGroup}); {@code app.cli()} returns the app's
 * one instance. The command line ({@link FlaskCli}) runs them beside the built-in {@code routes} and
 * {@code secret}, each inside an app context, and lists them with their help in {@code --help}.
 * <pre>{@code
 * app.cli().command("init-db", "Clear the existing data and create new tables.", ctx -> {
 *     initDb();
 *     ctx.out().println("Initialized the database.");
 *     return 0;
 * });
 * }</pre>
 * Methods annotated with {@link Command} are registered when the group is created. Names are unique: registering
 * a name twice, or a built-in's name, is an {@link IllegalArgumentException}.
 */
public final class AppGroup {
    /** One registered command. */
    record Entry(String name, String help, CliCommand command) {}

    private final Flask app;
    private final Map<String, Entry> commands = new TreeMap<>(); // click lists commands sorted by name

    /**
     * The group of {@code app}, with the app's {@link Command} methods registered; {@code app.cli()} creates it,
     * so applications do not call this.
     *
     * @throws IllegalArgumentException for a {@code @Command} method with an unusable signature or name
     */
    public AppGroup(Flask app) {
        this.app = Objects.requireNonNull(app, "app == null");
        bindAnnotated();
    }

    /**
     * Registers {@code command} as {@code name}, with a help text (may be empty; its first line is shown in
     * {@code --help}); returns this group.
     *
     * @throws IllegalArgumentException when the name is empty, starts with {@code -}, contains white space, is a
     *     built-in command's, or is registered already
     */
    public synchronized AppGroup command(String name, String help, CliCommand command) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(command, "command == null");
        checkName(name);
        if (FlaskCli.BUILT_INS.contains(name)) {
            throw new IllegalArgumentException("The command '" + name + "' is built in; choose another name.");
        }
        if (commands.containsKey(name)) {
            throw new IllegalArgumentException("A command named '" + name + "' is registered already.");
        }
        commands.put(name, new Entry(name, help == null ? "" : help.strip(), command));
        return this;
    }

    /** {@link #command(String, String, CliCommand)} without a help text. */
    public AppGroup command(String name, CliCommand command) {
        return command(name, "", command);
    }

    /** The names of the custom commands, sorted, unmodifiable. */
    public synchronized Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(commands.keySet()));
    }

    /** The help text of the custom command {@code name} ("" when it has none), or null when there is none. */
    public synchronized String help(String name) {
        Entry e = commands.get(name);
        return e == null ? null : e.help();
    }

    synchronized Entry get(String name) {
        return commands.get(name);
    }

    synchronized List<Entry> entries() {
        return new ArrayList<>(commands.values());
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.startsWith("-")) {
            throw new IllegalArgumentException("A command name must not be empty or start with '-': '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("A command name must not contain white space or control"
                        + " characters: '" + name + "'");
            }
        }
    }

    // ------------------------------------------------------------------ @Command methods

    private void bindAnnotated() {
        Set<String> seen = new HashSet<>(); // an override replaces the method it overrides
        for (Class<?> c = app.getClass(); c != null && c != Flask.class && c != Object.class; c = c.getSuperclass()) {
            Method[] methods = c.getDeclaredMethods();
            // declared order is unspecified; sort so that errors (duplicates) are reported the same way every run
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                boolean overridden = !Modifier.isPrivate(m.getModifiers()) && !seen.add(signature);
                Command annotation = m.getAnnotation(Command.class);
                if (annotation == null || overridden || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                String name = annotation.name().isEmpty() ? defaultName(m.getName()) : annotation.name();
                command(name, annotation.help(), bind(m));
            }
        }
    }

    private CliCommand bind(Method m) {
        Class<?>[] params = m.getParameterTypes();
        boolean takesContext = params.length == 1 && params[0] == CliContext.class;
        Class<?> ret = m.getReturnType();
        boolean returnsCode = ret == int.class || ret == Integer.class;
        if (!(params.length == 0 || takesContext) || !(returnsCode || ret == void.class)) {
            throw new IllegalArgumentException("@Command method " + m.getDeclaringClass().getName() + "."
                    + m.getName() + " must take no parameter or one CliContext, and return int, Integer or void;"
                    + " it is " + m.toGenericString());
        }
        m.setAccessible(true);
        Object target = Modifier.isStatic(m.getModifiers()) ? null : app;
        return ctx -> {
            Object result;
            try {
                result = takesContext ? m.invoke(target, ctx) : m.invoke(target);
            } catch (InvocationTargetException e) {
                // the command's own exception, not the reflection wrapper, is what the user should see
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
            return result == null ? 0 : (Integer) result;
        };
    }

    /** {@code initDbCommand} → {@code init-db}. */
    static String defaultName(String methodName) {
        String base = methodName;
        for (String suffix : new String[] {"Command", "Cmd"}) {
            if (base.endsWith(suffix) && base.length() > suffix.length()) {
                base = base.substring(0, base.length() - suffix.length());
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c == '_') {
                b.append('-');
            } else if (Character.isUpperCase(c)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                    b.append('-');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "<AppGroup " + app.name() + " " + names() + ">";
    }
}
