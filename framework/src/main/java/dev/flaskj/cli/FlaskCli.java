package dev.flaskj.cli;

import dev.flaskj.Flask;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code flask} command for a flaskj project: {@code routes} prints the route table as {@code flask routes}
 * does, {@code secret} prints a new random secret key.
 * <pre>{@code
 * mvn -q compile exec:java -Dexec.args=routes
 * mvn -q compile exec:java -Dexec.args="routes --sort rule --all-methods"
 * mvn -q compile exec:java -Dexec.args="--app com.example.Hello routes"
 * mvn -q exec:java -Dexec.args=secret
 * }</pre>
 * The app class comes from {@code --app}, else the environment variable {@code FLASK_APP}, else the project's
 * {@code src/main/webapp/WEB-INF/web.xml} (the {@code FlaskFilter}'s {@code app} init-param or the context-param
 * {@code flask.app}; the project folder is the system property {@code flaskj.project.dir}, else the working
 * directory). A class that cannot be loaded gets the same message as a failed deployment. Exit status: 0,
 * 1 when the app cannot be loaded, 2 for a usage error (as click does).
 */
public final class FlaskCli {
    static final String USAGE = String.join("\n",
            "Usage: FlaskCli [--app CLASS] COMMAND [ARGS]...",
            "",
            "Options:",
            "  --app CLASS  The application: a Flask subclass or a class with 'public static Flask createApp()'.",
            "               Default: FLASK_APP, else the app named in " + WebXmlApp.LOCATION + ".",
            "",
            "Commands:",
            "  routes [--sort endpoint|methods|rule|match] [--all-methods]  Show the routes for the app.",
            "  secret                                                        Print a new random secret key.");

    private static final int SECRET_BYTES = 32;

    private final Map<String, String> env;
    private final Path projectDir;
    private final PrintStream out;
    private final PrintStream err;

    FlaskCli(Map<String, String> env, Path projectDir, PrintStream out, PrintStream err) {
        this.env = env;
        this.projectDir = projectDir;
        this.out = out;
        this.err = err;
    }

    /** Runs one command; exits the JVM only on failure, so {@code exec:java} ends normally on success. */
    public static void main(String[] args) {
        // exec:java runs in Maven's working directory, which is not the module's with -pl: the build says where.
        Path project = Path.of(System.getProperty("flaskj.project.dir", ""));
        int status = new FlaskCli(System.getenv(), project, System.out, System.err).run(args);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs {@code args} and returns the exit status. */
    int run(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        try {
            String appClass = null;
            while (!rest.isEmpty() && rest.peek().startsWith("-")) {
                String option = rest.pop();
                if (option.equals("--help") || option.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                appClass = optionValue(option, "--app", rest);
            }
            if (rest.isEmpty()) {
                throw new UsageException("Missing command.");
            }
            String command = rest.pop();
            switch (command) {
                case "routes":
                    return routes(appClass, List.copyOf(rest));
                case "secret":
                    requireNoArguments(command, rest);
                    out.println(HexFormat.of().formatHex(randomBytes()));
                    return 0;
                default:
                    throw new UsageException("No such command '" + command + "'.");
            }
        } catch (UsageException e) {
            err.println(USAGE);
            err.println();
            err.println("Error: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
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

    private static RouteTable.Sort parseSort(String value) {
        try {
            return RouteTable.Sort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Flask loadApp(String appClass) throws IOException {
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
            throw new UsageException("Got unexpected extra argument for '" + command + "': " + rest.peek());
        }
    }

    private static byte[] randomBytes() {
        byte[] key = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A bad command line: the usage is printed with the message. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
