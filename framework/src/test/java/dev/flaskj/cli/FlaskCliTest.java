package dev.flaskj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: app discovery, routes, secret, and its error messages. */
class FlaskCliTest {
    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** An app as a user writes it. */
    public static class Hello extends Flask {
        @Route("/")
        String index() {
            return "hi";
        }

        @Route(value = "/login", methods = {"GET", "POST"})
        String login() {
            return "login";
        }
    }

    private int run(Map<String, String> env, String... args) {
        FlaskCli cli = new FlaskCli(env, project, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void routesOfTheAppNamedByTheOption() {
        assertEquals(0, run(Map.of(), "--app", Hello.class.getName(), "routes"));
        assertEquals("Endpoint  Methods    Rule                   \n"
                + "--------  ---------  -----------------------\n"
                + "index     GET        /                      \n"
                + "login     GET, POST  /login                 \n"
                + "static    GET        /static/<path:filename>\n", out().replace("\r\n", "\n"));
    }

    @Test
    void appFromFlaskAppThenFromWebXml() throws IOException {
        assertEquals(0, run(Map.of("FLASK_APP", Hello.class.getName()), "routes", "--sort=rule"));
        assertTrue(out().contains("index     GET"), out());

        Path webXml = project.resolve(WebXmlApp.LOCATION);
        Files.createDirectories(webXml.getParent());
        Files.writeString(webXml, "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                + "<filter><filter-name>flask</filter-name><filter-class>dev.flaskj.FlaskFilter</filter-class>"
                + "<init-param><param-name>app</param-name><param-value> " + Hello.class.getName()
                + " </param-value></init-param></filter></web-app>");
        out.reset();
        assertEquals(0, run(Map.of(), "routes", "-s", "match", "--all-methods"));
        assertTrue(out().contains("login     GET, HEAD, OPTIONS, POST  /login"), out());
    }

    @Test
    void unknownClassGivesTheFiltersMessage() {
        assertEquals(1, run(Map.of(), "--app=com.example.Missing", "routes"));
        assertTrue(err().startsWith("Error: flaskj: cannot load the application class 'com.example.Missing'"
                + " (from option --app): class not found"), err());
        assertEquals("", out());
    }

    @Test
    void classThatIsNotAnApp() {
        assertEquals(1, run(Map.of("FLASK_APP", "java.lang.String"), "routes"));
        assertTrue(err().contains("'java.lang.String' (from environment variable FLASK_APP): it is not a subclass"
                + " of dev.flaskj.Flask"), err());
    }

    @Test
    void noAppAnywhere() {
        assertEquals(1, run(Map.of(), "routes"));
        assertTrue(err().contains("no application class configured"), err());
    }

    @Test
    void secretIsSixtyFourFreshHexDigits() {
        assertEquals(0, run(Map.of(), "secret"));
        assertEquals(0, run(Map.of(), "secret"));
        String[] keys = out().trim().split("\\R");
        assertEquals(2, keys.length);
        assertTrue(keys[0].matches("[0-9a-f]{64}"), keys[0]);
        assertTrue(!keys[0].equals(keys[1]));
    }

    @Test
    void usageErrorsExitWithTwo() {
        // flask nosuch: the usage line, a hint, and the error, on standard error, status 2
        assertEquals(2, run(Map.of("FLASK_APP", Hello.class.getName()), "serve"));
        assertEquals("Usage: FlaskCli [--app CLASS] COMMAND [ARGS]...\n"
                + "Try 'FlaskCli --help' for help.\n\n"
                + "Error: No such command 'serve'.\n", err().replace("\r\n", "\n"));
        assertEquals("", out());
        err.reset();
        assertEquals(2, run(Map.of(), "--app", Hello.class.getName(), "routes", "--sort", "size"));
        assertTrue(err().contains("'size' is not one of 'endpoint', 'methods', 'domain', 'rule', 'match'."), err());
        assertTrue(err().contains("Try 'FlaskCli routes --help' for help."), err());
        err.reset();
        assertEquals(2, run(Map.of(), "secret", "extra"));
        assertTrue(err().contains("Error: Got unexpected extra argument (extra)"), err());
    }

    @Test
    void noCommandShowsTheHelpWithStatusTwo() {
        assertEquals(2, run(Map.of("FLASK_APP", Hello.class.getName())));
        assertTrue(out().startsWith("Usage: FlaskCli [--app CLASS] COMMAND [ARGS]..."), out());
        assertTrue(out().contains("Commands:"), out());
    }

    @Test
    void runRejectsBadOptionsAsClickDoes() {
        assertEquals(2, run(Map.of(), "run", "--port", "http"));
        assertTrue(err().contains("Error: Invalid value for '--port' / '-p': 'http' is not a valid port."), err());
        assertTrue(err().startsWith("Usage: FlaskCli run [--host HOST] [--port PORT]"), err());
        err.reset();
        assertEquals(2, run(Map.of(), "run", "--context-path", "myapplication"));
        assertTrue(err().contains("must start with '/'"), err());
        err.reset();
        assertEquals(2, run(Map.of(), "run", "--threads"));
        assertTrue(err().contains("Error: No such option: --threads"), err());
        assertEquals(0, run(Map.of(), "run", "--help"));
        assertTrue(out().contains("--port PORT          The port to bind to. Default 5000"), out());
    }

    @Test
    void helpListsTheBuiltInsEvenWithoutAnApp() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out().contains("Commands:\n  routes  Show the routes for the app.\n"
                + "  run     Run a development server.\n"
                + "  secret  Print a new random secret key.\n"), out());
        // as flask --help does: it says why no app's commands are listed
        assertTrue(err().contains("no application class configured"), err());
        out.reset();
        assertEquals(0, run(Map.of(), "routes", "--help"));
        assertTrue(out().startsWith("Usage: FlaskCli routes [--sort endpoint|methods|rule|match] [--all-methods]\n"
                + "\n  Show the routes for the app.\n"), out());
    }
}
