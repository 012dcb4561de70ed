package ${package};

import dev.flaskj.Flask;
import dev.flaskj.Route;

/**
 * The application: each {@code @Route} method is a view (Flask: {@code @app.route}). {@code web.xml} installs it
 * with {@code dev.flaskj.FlaskFilter}; {@code mvn jetty:run} serves it at http://localhost:8080/.
 */
public class App extends Flask {
    public App() {
        // Signs the session cookie. Good enough on your machine; in production set the environment variable
        // FLASK_SECRET_KEY (print a new key with `mvn -q exec:java -Dexec.args=secret`): it wins over this value.
        config().put("SECRET_KEY", "dev");
    }

    /** The home page. */
    @Route("/")
    Object index() {
        // Interim until renderTemplate lands: the page is written here instead of templates/index.html.
        return "<!doctype html>\n<html lang=en>\n<title>Welcome</title>\n<link rel=icon href=\"data:,\">\n"
                + "<link rel=stylesheet href=\"" + urlFor("static", "filename", "style.css") + "\">\n"
                + "<h1>Hello from flaskj!</h1>\n";
    }

    /** A variable rule: the part of the URL after /hello/ arrives as the parameter of the same name. */
    @Route("/hello/<name>")
    Object hello(String name) {
        return "<h1>Hello, " + name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "!</h1>";
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
        String flashed = String.join(" ", getFlashedMessages());
        return "<p>" + flashed + "</p><form method=post><input name=username><button>Log in</button></form>";
    }

    @Route(value = "/logout", methods = {"POST"})
    Object logout() {
        session().remove("username");
        flash("You were logged out.");
        return redirect(urlFor("index"));
    }
}
