package dev.flaskj.cli;

/**
 * A custom command of the app's command line (Flask: a function decorated with {@code @app.cli.command()}).
 * Register it with {@code app.cli().command(name, help, command)}:
 * <pre>{@code
 * app.cli().command("init-db", "Clear the existing data and create new tables.", ctx -> {
 *     initDb();
 *     ctx.out().println("Initialized the database.");
 *     return 0;
 * });
 * }</pre>
 * The command runs inside an app context of the app, so {@code currentApp()} and {@code g()} work, and the
 * app's teardown-appcontext functions run when it ends.
 */
@FunctionalInterface
public interface CliCommand {
    /**
     * Runs the command. The returned value is the process's exit status (0 for success). An exception ends the
     * command with its message on {@link CliContext#err()} and exit status 1.
     */
    int run(CliContext ctx) throws Exception;
}
