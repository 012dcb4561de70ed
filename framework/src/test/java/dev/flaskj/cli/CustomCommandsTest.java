package dev.flaskj.cli;

import static dev.flaskj.Flask.currentApp;
import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.hasAppContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Custom commands ({@code app.cli().command}, {@code @Command}) and the test runner (Flask: tests/test_cli.py
 * test_cli_name, test_app_cli_has_app_context, test_help_echo_exception; tests/test_testing.py test_cli_invoke,
 * test_cli_custom_obj).
 */
class CustomCommandsTest {
    /** An app with annotated commands, as a user writes it. */
    public static class Tool extends Flask {
        final List<String> calls = new ArrayList<>();

        public Tool() {
            cli().command("greet", "Say hello.\nSecond line, only in greet --help.", ctx -> {
                ctx.out().println("Hello, " + (ctx.args().isEmpty() ? "World" : ctx.args().get(0)) + "!");
                return ctx.args().size() > 1 ? 3 : 0;
            });
        }

        @Command(name = "init-db", help = "Clear the existing data and create new tables.")
        void initDb(CliContext ctx) {
            calls.add("init-db " + ctx.args());
            ctx.out().println("Initialized the database.");
        }

        @Command(help = "Exit with the given status.")
        int exitWithCommand(CliContext ctx) {
            return Integer.parseInt(ctx.args().get(0));
        }

        @Command
        static Integer nothing() {
            return null;
        }

        @Command(name = "fail")
        void fail() throws Exception {
            throw new java.sql.SQLException("table missing", new IllegalStateException("disk full"));
        }
    }

    @Test
    void commandOutputAndExitCodeThroughTheRunner() {
        Tool app = new Tool();
        CliResult r = app.testCliRunner().invoke("greet", "Ann");
        assertEquals(0, r.exitCode());
        assertEquals("Hello, Ann!\n", r.output());
        assertEquals(3, app.testCliRunner().invoke("greet", "a", "b").exitCode());
        assertEquals(0, app.testCliRunner().invoke("init-db").exitCode());
        assertEquals("Initialized the database.\n", app.testCliRunner().invoke("init-db", "x").stdout());
        assertEquals(List.of("init-db []", "init-db [x]"), app.calls);
        assertEquals(42, app.testCliRunner().invoke("exit-with", "42").exitCode());
        assertEquals(0, app.testCliRunner().invoke("nothing").exitCode());
    }

    @Test
    void firstDoubleDashIsRemovedSoArgumentsMayStartWithADash() {
        Tool app = new Tool();
        assertEquals("Hello, --help!\n", app.testCliRunner().invoke("greet", "--", "--help").output());
    }

    @Test
    void anExceptionIsReportedOnErrWithStatusOne() {
        CliResult r = new Tool().testCliRunner().invoke("fail");
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout());
        assertEquals("Error: java.sql.SQLException: table missing\n"
                + "Caused by: java.lang.IllegalStateException: disk full\n", r.stderr());
        assertEquals(r.stderr(), r.output());
        assertTrue(r.exception() instanceof java.sql.SQLException, String.valueOf(r.exception()));
        assertNull(new Tool().testCliRunner().invoke("greet").exception());
    }

    @Test
    void outputInterleavesOutAndErrAsWritten() {
        Flask app = new Flask("both");
        app.cli().command("both", ctx -> {
            ctx.out().println("out1");
            ctx.err().println("err1");
            ctx.out().println("out2");
            return 0;
        });
        CliResult r = app.testCliRunner().invoke("both");
        assertEquals("out1\nerr1\nout2\n", r.output());
        assertEquals("out1\nout2\n", r.stdout());
        assertEquals("err1\n", r.stderr());
    }

    @Test
    void commandsRunInsideAnAppContextThatIsPoppedAfterwards() {
        Flask app = new Flask("ctx");
        AtomicReference<Flask> seen = new AtomicReference<>();
        List<String> teardowns = new ArrayList<>();
        app.teardownAppcontext(exc -> teardowns.add("teardown " + exc));
        app.cli().command("who", ctx -> {
            seen.set(currentApp());
            g().put("x", 1);
            return 0;
        });
        assertEquals(0, app.testCliRunner().invoke("who").exitCode());
        assertSame(app, seen.get());
        assertEquals(List.of("teardown null"), teardowns);
        assertFalse(hasAppContext());
    }

    @Test
    void unknownCommandIsAUsageErrorAsClickPrintsIt() {
        CliResult r = new Tool().testCliRunner().invoke("nosuch");
        assertEquals(2, r.exitCode());
        assertEquals("Usage: FlaskCli [--app CLASS] COMMAND [ARGS]...\n"
                + "Try 'FlaskCli --help' for help.\n\n"
                + "Error: No such command 'nosuch'.\n", r.stderr());
    }

    @Test
    void helpListsBuiltInAndCustomCommandsSortedWithTheirFirstHelpLine() {
        CliResult r = new Tool().testCliRunner().invoke("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().endsWith("Commands:\n"
                + "  exit-with  Exit with the given status.\n"
                + "  fail\n"
                + "  greet      Say hello.\n"
                + "  init-db    Clear the existing data and create new tables.\n"
                + "  nothing\n"
                + "  routes     Show the routes for the app.\n"
                + "  run        Run a development server.\n"
                + "  secret     Print a new random secret key.\n"), r.stdout());
        assertEquals("", r.stderr());

        CliResult one = new Tool().testCliRunner().invoke("greet", "--help");
        assertEquals(0, one.exitCode());
        assertEquals("Usage: FlaskCli greet [ARGS]...\n\n  Say hello.\n  Second line, only in greet --help.\n",
                one.output());
    }

    @Test
    void builtInsRunThroughTheRunnerForItsApp() {
        CliResult r = new Tool().testCliRunner().invoke("routes");
        assertEquals(0, r.exitCode());
        assertTrue(r.output().contains("static    GET      /static/<path:filename>"), r.output());
    }

    /** The process entry point loads the app from FLASK_APP and runs its custom command. */
    @Test
    void theCommandLineRunsCustomCommandsOfTheLoadedApp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FlaskCli cli = new FlaskCli(Map.of("FLASK_APP", Tool.class.getName()), Path.of(""),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, cli.run("init-db"));
        assertEquals("Initialized the database.", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(7, cli.run("exit-with", "7"));
        assertEquals(1, cli.run("fail"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: java.sql.SQLException: table missing"));
    }

    @Test
    void badRegistrationsFailClearly() {
        Flask app = new Flask("bad");
        app.cli().command("one", ctx -> 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.cli().command("one", ctx -> 0))
                .getMessage().contains("'one' is registered already"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.cli().command("routes", ctx -> 0))
                .getMessage().contains("built in"));
        assertThrows(IllegalArgumentException.class, () -> app.cli().command("two words", ctx -> 0));
        assertThrows(IllegalArgumentException.class, () -> app.cli().command("--x", ctx -> 0));
        assertThrows(IllegalArgumentException.class, () -> app.cli().command("", ctx -> 0));
        assertSame(app.cli(), app.cli());
        assertEquals(java.util.Set.of("one"), app.cli().names());
    }

    /** An annotated method with a signature the runner cannot call. */
    public static class BadSignature extends Flask {
        @Command
        String report(String what) {
            return what;
        }
    }

    @Test
    void annotatedMethodWithAnUnusableSignatureIsNamed() {
        BadSignature app = new BadSignature();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, app::cli);
        assertTrue(e.getMessage().contains("@Command method " + BadSignature.class.getName() + ".report must take"),
                e.getMessage());
    }

    @Test
    void defaultNamesFollowClick() {
        assertEquals("init-db", AppGroup.defaultName("initDb"));
        assertEquals("init-db", AppGroup.defaultName("initDbCommand"));
        assertEquals("init-db", AppGroup.defaultName("init_db"));
        assertEquals("seed", AppGroup.defaultName("seedCmd"));
        assertEquals("command", AppGroup.defaultName("command"));
    }
}
