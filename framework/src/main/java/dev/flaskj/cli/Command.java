package dev.flaskj.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a {@code Flask} subclass a custom command of the app's command line (Flask:
 * {@code @app.cli.command("init-db")}); the annotation form of {@link AppGroup#command(String, String, CliCommand)}.
 * <pre>{@code
 * public class App extends Flask {
 *     @Command(name = "init-db", help = "Clear the existing data and create new tables.")
 *     void initDb(CliContext ctx) {
 *         ...
 *         ctx.out().println("Initialized the database.");
 *     }
 * }
 * }</pre>
 * The method takes no parameter or one {@link CliContext}, and returns {@code int} or {@code Integer} (the exit
 * status; null counts as 0) or {@code void} (exit status 0). It may be non-public and may throw. Methods declared
 * on the app's class and its superclasses below {@code Flask} are found when {@code app.cli()} is first used;
 * a method with another signature is an {@link IllegalArgumentException} naming it. An app built by a
 * {@code createApp()} factory registers its commands with {@code app.cli().command(...)} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Command {
    /**
     * The command's name; empty (the default): the method's name in lower case with dashes between words, and a
     * trailing {@code Command} or {@code Cmd} dropped ({@code initDbCommand} is {@code init-db}), as click names
     * a command after its function.
     */
    String name() default "";

    /** The help text: its first line is shown in {@code --help}'s list, all of it in {@code COMMAND --help}. */
    String help() default "";
}
