package dev.flaskj.cli;

import dev.flaskj.Flask;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the app's command line in-process for tests (Flask: {@code app.test_cli_runner()}); get one from
 * {@code app.testCliRunner()}.
 * <pre>{@code
 * CliResult result = app.testCliRunner().invoke("init-db");
 * assertEquals(0, result.exitCode());
 * assertTrue(result.output().contains("Initialized the database."));
 * }</pre>
 * The arguments are those after {@code exec:java -Dexec.args=...}: a command and its arguments, or
 * {@code --help}. It runs for this runner's app ({@code --app}, {@code FLASK_APP} and {@code web.xml} are not
 * consulted), captures what the command writes to {@link CliContext#out()} and {@link CliContext#err()}, and never
 * exits the JVM. An exception the command throws is reported as the command line reports it (exit status 1,
 * {@code Error: ...} on standard error) and kept in {@link CliResult#exception()}; an {@link Error} such as a
 * failed assertion propagates.
 */
public final class CliRunner {
    private final Flask app;

    /** A runner for {@code app}. */
    public CliRunner(Flask app) {
        this.app = Objects.requireNonNull(app, "app == null");
    }

    /** Runs {@code args} and returns the exit status and the captured output. */
    public CliResult invoke(String... args) {
        Objects.requireNonNull(args, "args == null");
        StringBuilder all = new StringBuilder();
        Capture out = new Capture(all);
        Capture err = new Capture(all);
        FlaskCli cli = new FlaskCli(Map.of(), Path.of(""), app, new PrintWriter(out, true), new PrintWriter(err, true));
        int status = cli.run(args.clone());
        return new CliResult(status, all.toString(), out.own.toString(), err.own.toString(), cli.failure());
    }

    @Override
    public String toString() {
        return "<CliRunner " + app.name() + ">";
    }

    /** A stream's text, kept on its own and in the shared, interleaved output. */
    private static final class Capture extends Writer {
        final StringBuilder own = new StringBuilder();
        private final StringBuilder all;

        Capture(StringBuilder all) {
            this.all = all;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            own.append(cbuf, off, len);
            synchronized (all) {
                all.append(cbuf, off, len);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
