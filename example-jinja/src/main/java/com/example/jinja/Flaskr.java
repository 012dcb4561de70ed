package com.example.jinja;

import com.example.DevelopmentSecretKey;
import com.example.flaskr.Auth;
import com.example.flaskr.Blog;
import com.example.flaskr.Database;
import dev.flaskj.Flask;
import dev.flaskj.Route;
import dev.flaskj.RuleOptions;
import java.util.Map;

/**
 * Flaskr, the Flask tutorial's blog, rendering the tutorial's own Jinja templates, copied unchanged from Flask's
 * repository into {@code src/main/webapp/templates}: the same {@link Auth} and {@link Blog} blueprints as the
 * quickstart example, mounted where the tutorial mounts them ({@code /auth/...} and {@code /}), with config
 * {@code TEMPLATE_ENGINE=jinja}.
 *
 * <p>The views pass what the tutorial's views pass: database rows that templates read as {@code post['title']},
 * with {@code created} a date-time ({@code post['created'].strftime('%Y-%m-%d')}), and {@code g.user} the
 * logged-in user. Besides the blog, the quickstart's {@code hello.html} at {@code /hello/<name>}.
 */
public class Flaskr extends Flask {
    /** The tutorial's {@code create_app()}: the database, then the blueprints, then the {@code index} endpoint. */
    public Flaskr() {
        // The one-line switch, here as the tutorial's create_app() sets its config (app.config.from_mapping), so
        // the container, the dev server and the test client all render Jinja; a context-param or the environment
        // variable FLASK_TEMPLATE_ENGINE sets the same key for an app that does not set it itself.
        config().put("TEMPLATE_ENGINE", "jinja");
        register(new DevelopmentSecretKey());
        register(new Database());
        registerBlueprint(new Auth(), "/auth");
        registerBlueprint(new Blog(), null);
        // the tutorial's app.add_url_rule("/", endpoint="index"): templates link url_for('index'), blog.index
        // answers the URL
        addUrlRule("/", "index", RuleOptions.defaultOptions().buildOnly(true));
    }

    /**
     * The app factory (Flask tutorial: {@code create_app(test_config=None)}): a new app, configured as the container
     * configures {@code new Flaskr()} when {@code testConfig} is null, else with {@code testConfig} on top.
     *
     * @param testConfig config values for a test, or null
     */
    public static Flaskr create(Map<String, ?> testConfig) {
        Flaskr app = new Flaskr();
        if (testConfig != null) {
            app.config().fromMapping(testConfig);
        }
        return app;
    }

    /** The tutorial factory's "a simple page that says hello". */
    @Route("/hello")
    String helloWorld() {
        return "Hello, World!";
    }

    /** Quickstart "Rendering Templates": Flask's {@code hello.html}, which escapes the name. */
    @Route("/hello/<name>")
    String hello(String name) {
        return renderTemplate("hello.html", "person", name);
    }

    /** The quickstart's {@code /hello/} without a name: {@code hello.html} says "Hello, World!". */
    @Route("/hello/")
    String helloNobody() {
        return renderTemplate("hello.html");
    }
}
