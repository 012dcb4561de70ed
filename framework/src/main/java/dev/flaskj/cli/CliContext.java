package dev.flaskj.cli;

import dev.flaskj.Flask;
import java.io.PrintWriter;
import java.util.List;

/**
 * What a running {@link CliCommand} gets: the arguments after the command name, the app, and the output streams.
 * Write to {@link #out()} and {@link #err()} rather than {@code System.out}, so that
 * {@code app.testCliRunner()} captures the output.
 */
public final class CliContext {
    private final Flask app;
    private final List<String> args;
    private final PrintWriter out;
    private final PrintWriter err;

    CliContext(Flask app, List<String> args, PrintWriter out, PrintWriter err) {
        this.app = app;
        this.args = List.copyOf(args);
        this.out = out;
        this.err = err;
    }

    /**
     * The command-line arguments after the command name, unmodifiable; a first {@code --} is removed, so that
     * arguments after it may start with a dash (as click does).
     */
    public List<String> args() {
        return args;
    }

    /** The app the command runs for (also {@code currentApp()} while the command runs). */
    public Flask app() {
        return app;
    }

    /** Standard output. Flushed when the command returns. */
    public PrintWriter out() {
        return out;
    }

    /** Standard error. Flushed when the command returns. */
    public PrintWriter err() {
        return err;
    }

    @Override
    public String toString() {
        return "<CliContext " + app.name() + " " + args + ">";
    }
}
