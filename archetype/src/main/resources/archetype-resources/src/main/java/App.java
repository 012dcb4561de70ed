package ${package};

import dev.flaskj.Flask;
import dev.flaskj.Route;
import dev.flaskj.cli.CliContext;
import dev.flaskj.cli.Command;

/**
 * The application: each {@code @Route} method is a view (Flask: {@code @app.route}). {@code web.xml} installs it
 * with {@code dev.flaskj.FlaskFilter}; {@code mvn -Prun} serves it at http://127.0.0.1:5000/ and reloads it when
 * you save a change ({@code mvn jetty:run}: Jetty at http://localhost:8080/).
 */
public class App extends Flask {
    public App() {
        // Signs the session cookie. This random key was generated for this project when it was created; anyone
        // who can read this source can forge sessions with it, so on servers set the environment variable
        // FLASK_SECRET_KEY (print a new key with `mvn -q exec:java -Dexec.args=secret`): it wins over this value.
        config().put("SECRET_KEY", "__SECRET_KEY__");
#if( $templateEngine == "jinja" )
        // Templates are Jinja (Flask's syntax, through Jinjava): a Flask project's templates/ work unchanged.
        config().put("TEMPLATE_ENGINE", "jinja");
#end
    }

    /** The home page: templates/index.html, laid out by templates/layout.html. */
    @Route("/")
    Object index() {
        return renderTemplate("index.html");
    }

    /** A variable rule: the part of the URL after /hello/ arrives as the parameter of the same name. */
    @Route("/hello/<name>")
    Object hello(String name) {
        return renderTemplate("hello.html", "name", name);
    }

    /** A form: the user name goes into the session, and a flashed message says so on the next page. */
    @Route(value = "/login", methods = {"GET", "POST"})
    Object login() {
        if (request().method().equals("POST")) {
            String username = request().form().get("username", "").strip();
            if (!username.isEmpty()) {
                session().put("username", username);
                flash("You were logged in as " + username + ".");
                return redirect(urlFor("index"));
            }
            flash("Please enter a user name.", "error");
        }
        return renderTemplate("login.html");
    }

    @Route(value = "/logout", methods = {"POST"})
    Object logout() {
        session().remove("username");
        flash("You were logged out.");
        return redirect(urlFor("index"));
    }

    /**
     * A custom command (Flask: {@code @app.cli.command}), run beside {@code routes} and {@code secret}:
     * {@code mvn -q exec:java -Dexec.args="greet Ann"} prints a greeting. The return value is the exit status;
     * {@code mvn -q exec:java -Dexec.args=--help} lists every command.
     */
    @Command(name = "greet", help = "Print a greeting for NAME.")
    int greet(CliContext ctx) {
        if (ctx.args().size() != 1) {
            ctx.err().println("Usage: greet NAME");
            return 2;
        }
        ctx.out().println("Hello, " + ctx.args().get(0) + "!");
        return 0;
    }
}
