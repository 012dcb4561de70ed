package dev.flaskj.cli;

import dev.flaskj.AppContext;
import dev.flaskj.Flask;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code flask} command for a flaskj project: {@code run} starts the development server as {@code flask run}
 * does ({@link DevServer}: 127.0.0.1:5000, {@code --debug} for debug mode and the reloader), {@code routes} prints
 * the route table as {@code flask routes} does, {@code secret} prints a new random secret key, and the app's custom commands ({@link AppGroup},
 * {@code app.cli()}) run beside them.
 * <pre>{@code
 * mvn -q compile exec:java -Dexec.args="run --debug"
 * mvn -q compile exec:java -Dexec.args="run --host 0.0.0.0 --port 8000 --context-path /myapplication"
 * mvn -q compile exec:java -Dexec.args=routes
 * mvn -q compile exec:java -Dexec.args="routes --sort rule --all-methods"
 * mvn -q compile exec:java -Dexec.args="--app com.example.Hello routes"
 * mvn -q exec:java -Dexec.args=secret
 * mvn -q exec:java -Dexec.args=init-db
 * mvn -q exec:java -Dexec.args=--help
 * }</pre>
 * The app class comes from {@code --app}, else the environment variable {@code FLASK_APP}, else the project's
 * {@code src/main/webapp/WEB-INF/web.xml} (the {@code FlaskFilter}'s {@code app} init-param or the context-param
 * {@code flask.app}; the project folder is the system property {@code flaskj.project.dir}, else the working
 * directory). A class that cannot be loaded gets the same message as a failed deployment.
 *
 * <p>{@code --help} lists every command with the first line of its help; {@code COMMAND --help} shows one
 * command's help. A custom command runs inside an app context; its return value is the exit status. Exit status
 * otherwise: 0 on success, 1 when the app cannot be loaded or a command throws (its message goes to standard
 * error), 2 for a usage error such as an unknown command (as click does).
 */
public final class FlaskCli {
    /** The commands every app has; custom commands may not take these names. */
    static final Set<String> BUILT_INS = Set.of("routes", "run", "secret");

    private static final String PROG = "FlaskCli";
    private static final String USAGE_LINE = "Usage: " + PROG + " [--app CLASS] COMMAND [ARGS]...";
    private static final String OPTIONS = String.join("\n",
            "Options:",
            "  --app CLASS  The application: a Flask subclass or a class with 'public static Flask createApp()'.",
            "               Default: FLASK_APP, else the app named in " + WebXmlApp.LOCATION + ".",
            "  --help       Show this message and exit.");
    private static final String ROUTES_HELP = "Show the routes for the app.";
    private static final String ROUTES_USAGE = "routes [--sort endpoint|methods|rule|match] [--all-methods]";
    private static final String SECRET_HELP = "Print a new random secret key.";
    private static final String RUN_HELP = "Run a development server.";
    private static final String RUN_USAGE = "run [--host HOST] [--port PORT] [--context-path PATH] [--debug|--no-debug]"
            + " [--reload|--no-reload]";
    private static final String RUN_DETAIL = String.join("\n",
            "Run a development server.",
            "",
            "Serves src/main/webapp and the app from target/classes in embedded Tomcat. With --debug (or",
            "FLASK_DEBUG=1) debug mode is on and so is the reloader: a change in src/main/java or",
            "src/main/resources is compiled (with -parameters) and the app restarts on a fresh class loader;",
            "a compile error or a start-up error is shown in the browser until the next save fixes it.",
            "",
            "  --host HOST          The interface to bind to. Default 127.0.0.1 (FLASK_RUN_HOST).",
            "  --port PORT          The port to bind to. Default 5000 (FLASK_RUN_PORT); 0 picks a free one.",
            "  --context-path PATH  The context path, e.g. /myapplication. Default /.",
            "  --debug/--no-debug   Debug mode: the debug page, templates re-read, the reloader.",
            "  --reload/--no-reload The reloader; default on with debug mode.");

    private static final int SECRET_BYTES = 32;

    private final Map<String, String> env;
    private final Path projectDir;
    private final Flask presetApp;
    private final PrintWriter out;
    private final PrintWriter err;
    private Exception failure;

    FlaskCli(Map<String, String> env, Path projectDir, PrintStream out, PrintStream err) {
        this(env, projectDir, null, writer(out), writer(err));
    }

    /**
     * A command line that writes to {@code out} and {@code err}; with {@code presetApp} it runs for that app and
     * ignores {@code --app} (as Flask's test runner does), else it loads the app as described above.
     */
    FlaskCli(Map<String, String> env, Path projectDir, Flask presetApp, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.projectDir = projectDir;
        this.presetApp = presetApp;
        this.out = out;
        this.err = err;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
    }

    /** Runs one command; exits the JVM only on failure, so {@code exec:java} ends normally on success. */
    public static void main(String[] args) {
        // exec:java runs in Maven's working directory, which is not the module's with -pl: the build says where.
        Path project = Path.of(System.getProperty("flaskj.project.dir", ""));
        int status = new FlaskCli(System.getenv(), project, System.out, System.err).run(args);
        System.out.flush();
        System.err.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs {@code args} and returns the exit status; never exits the JVM. */
    int run(String... args) {
        try {
            return dispatch(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The exception the last custom command threw, or null. */
    Exception failure() {
        return failure;
    }

    private int dispatch(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        String appClass = null;
        try {
            while (!rest.isEmpty() && rest.peek().startsWith("-")) {
                String option = rest.pop();
                if (option.equals("--help") || option.equals("-h")) {
                    printHelp(appClass, out);
                    return 0;
                }
                appClass = optionValue(option, "--app", rest);
            }
            if (rest.isEmpty()) {
                // click: a group called without a command shows its help, with status 2
                printHelp(appClass, out);
                return 2;
            }
            String command = rest.pop();
            List<String> commandArgs = List.copyOf(rest);
            switch (command) {
                case "routes":
                    if (wantsHelp(commandArgs)) {
                        commandHelp(ROUTES_USAGE, ROUTES_HELP);
                        return 0;
                    }
                    return routes(appClass, commandArgs);
                case "run":
                    if (wantsHelp(commandArgs)) {
                        commandHelp(RUN_USAGE, RUN_DETAIL);
                        return 0;
                    }
                    return run(appClass, commandArgs);
                case "secret":
                    if (wantsHelp(commandArgs)) {
                        commandHelp("secret", SECRET_HELP);
                        return 0;
                    }
                    requireNoArguments(command, rest);
                    out.println(HexFormat.of().formatHex(randomBytes()));
                    return 0;
                default:
                    return custom(appClass, command, commandArgs);
            }
        } catch (UsageException e) {
            err.println(e.usage);
            err.println("Try '" + PROG + (e.command == null ? "" : " " + e.command) + " --help' for help.");
            err.println();
            err.println("Error: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private int custom(String appClass, String name, List<String> args) throws IOException {
        Flask app;
        try {
            app = loadApp(appClass);
        } catch (IllegalArgumentException e) {
            // As flask does: say why no app was found, then that the command is unknown (it may be the app's).
            err.println("Error: " + e.getMessage());
            err.println();
            throw new UsageException("No such command '" + name + "'.");
        }
        AppGroup.Entry entry = app.cli().get(name);
        if (entry == null) {
            throw new UsageException("No such command '" + name + "'.");
        }
        if (wantsHelp(args)) {
            commandHelp(name + " [ARGS]...", entry.help());
            return 0;
        }
        int dash = args.indexOf("--");
        List<String> commandArgs = args;
        if (dash >= 0) {
            commandArgs = new ArrayList<>(args);
            commandArgs.remove(dash);
        }
        CliContext ctx = new CliContext(app, commandArgs, out, err);
        failure = null;
        try (AppContext appCtx = app.appContext()) {
            return entry.command().run(ctx);
        } catch (Exception e) {
            failure = e;
            out.flush();
            err.println("Error: " + describe(e));
            return 1;
        }
    }

    /** The exception and its causes, one line each: what a user needs, without the frames. */
    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        int depth = 0;
        for (Throwable c = e.getCause(); c != null && c != e && depth < 10; c = c.getCause(), depth++) {
            b.append(System.lineSeparator()).append("Caused by: ").append(c);
        }
        return b.toString();
    }

    /** {@code --help} among the command's arguments before a {@code --}: click answers it for every command. */
    private static boolean wantsHelp(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    private void commandHelp(String usage, String help) {
        out.println("Usage: " + PROG + " " + usage);
        if (!help.isEmpty()) {
            out.println();
            help.lines().forEach(line -> out.println(line.isBlank() ? "" : "  " + line.strip()));
        }
    }

    private void printHelp(String appClass, PrintWriter to) {
        Map<String, String> commands = new TreeMap<>();
        commands.put("routes", ROUTES_HELP);
        commands.put("run", RUN_HELP);
        commands.put("secret", SECRET_HELP);
        try {
            Flask app = loadApp(appClass);
            for (AppGroup.Entry e : app.cli().entries()) {
                commands.put(e.name(), e.help().lines().findFirst().orElse("").strip());
            }
        } catch (IllegalArgumentException | IOException e) {
            // flask --help still shows the built-in commands when the app cannot be loaded, after saying why
            err.println("Error: " + e.getMessage());
            err.println();
            err.flush();
        }
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        to.println(USAGE_LINE);
        to.println();
        to.println(OPTIONS);
        to.println();
        to.println("Commands:");
        commands.forEach((name, help) -> to.println(
                ("  " + name + " ".repeat(width - name.length()) + "  " + help).stripTrailing()));
    }

    private int routes(String appClass, List<String> args) throws IOException {
        RouteTable.Sort sort = RouteTable.Sort.ENDPOINT;
        boolean allMethods = false;
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String option = rest.pop();
            if (option.equals("--all-methods")) {
                allMethods = true;
            } else if (option.equals("-s")) {
                sort = parseSort(optionValue("--sort", "--sort", rest));
            } else {
                sort = parseSort(optionValue(option, "--sort", rest));
            }
        }
        Flask app = loadApp(appClass);
        RouteTable.format(app.urlMap().rules(), sort, allMethods).forEach(out::println);
        return 0;
    }

    /** Parses {@code run}'s options; the server then runs until the JVM stops. */
    private int run(String appClass, List<String> args) {
        String host = env.getOrDefault("FLASK_RUN_HOST", DevServer.DEFAULT_HOST);
        String portText = env.getOrDefault("FLASK_RUN_PORT", String.valueOf(DevServer.DEFAULT_PORT));
        String contextPath = "/";
        Boolean debug = null;
        Boolean reload = null;
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--debug" -> debug = true;
                case "--no-debug" -> debug = false;
                case "--reload" -> reload = true;
                case "--no-reload" -> reload = false;
                default -> {
                    String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
                    switch (name) {
                        case "--host", "-h" -> host = optionValue(option, name, rest);
                        case "--port", "-p" -> portText = optionValue(option, name, rest);
                        case "--context-path" -> contextPath = optionValue(option, name, rest);
                        default -> throw new UsageException("No such option: " + option, "run");
                    }
                }
            }
        }
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("Invalid value for '--port' / '-p': '" + portText + "' is not a valid port.",
                    "run");
        }
        if (!contextPath.startsWith("/") || (contextPath.length() > 1 && contextPath.endsWith("/"))) {
            throw new UsageException("Invalid value for '--context-path': '" + contextPath + "' must start with '/'"
                    + " and not end with one (e.g. /myapplication).", "run");
        }
        if (debug == null && env.containsKey("FLASK_DEBUG")) {
            debug = dev.flaskj.Config.parseBoolean(env.get("FLASK_DEBUG"));
        }
        boolean reloading = reload != null ? reload : Boolean.TRUE.equals(debug);
        String app = appClass;
        if (app == null && env.get("FLASK_APP") != null && !env.get("FLASK_APP").isBlank()) {
            app = env.get("FLASK_APP").trim();
        }
        DevServer server;
        try {
            server = DevServer.start(new DevServer.Options(projectDir, app, host, port, contextPath, debug,
                    reloading), out);
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "flaskj-run-stop"));
        try {
            server.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return 0;
    }

    private static RouteTable.Sort parseSort(String value) {
        try {
            return RouteTable.Sort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), "routes");
        }
    }

    private Flask loadApp(String appClass) throws IOException {
        if (presetApp != null) {
            return presetApp;
        }
        if (appClass != null) {
            return Flask.load(appClass, "option --app");
        }
        String fromEnv = env.get("FLASK_APP");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Flask.load(fromEnv, "environment variable FLASK_APP");
        }
        Optional<String> fromWebXml = WebXmlApp.find(projectDir);
        if (fromWebXml.isPresent()) {
            return Flask.load(fromWebXml.get(), WebXmlApp.LOCATION);
        }
        throw new IllegalArgumentException("flaskj: no application class configured. Tried the option --app, the"
                + " environment variable FLASK_APP and " + WebXmlApp.LOCATION + "; pass --app with the fully"
                + " qualified name of a Flask subclass or of a class with 'public static Flask createApp()'.");
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}. */
    private static String optionValue(String option, String name, Deque<String> rest) {
        if (option.startsWith(name + "=")) {
            return option.substring(name.length() + 1);
        }
        if (!option.equals(name)) {
            throw new UsageException("No such option: " + option);
        }
        if (rest.isEmpty()) {
            throw new UsageException("Option '" + name + "' requires an argument.");
        }
        return rest.pop();
    }

    private static void requireNoArguments(String command, Deque<String> rest) {
        if (!rest.isEmpty()) {
            throw new UsageException("Got unexpected extra argument (" + rest.peek() + ")", command);
        }
    }

    private static byte[] randomBytes() {
        byte[] key = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A bad command line: a usage line and the message are printed, with exit status 2. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String usage;
        final String command;

        UsageException(String message) {
            super(message);
            this.usage = USAGE_LINE;
            this.command = null;
        }

        /** A usage error of one command: its usage line and help hint, as click prints them. */
        UsageException(String message, String command) {
            super(message);
            this.usage = "Usage: " + PROG + " " + (command.equals("routes") ? ROUTES_USAGE
                    : command.equals("run") ? RUN_USAGE : command);
            this.command = command;
        }
    }
}
