package com.example;

import com.example.flaskr.Auth;
import com.example.flaskr.Blog;
import com.example.flaskr.Database;
import dev.flaskj.Flask;
import dev.flaskj.Markup;
import dev.flaskj.Response;
import dev.flaskj.Route;
import dev.flaskj.http.FileStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The Flask quickstart, section by section, as one flaskj application, plus Flaskr, the Flask tutorial's blog.
 *
 * <p>Each view names the quickstart section it mirrors (https://flask.palletsprojects.com/quickstart/). The index
 * page at {@code /} links to all of them; {@code WEB-INF/web.xml} installs the app with {@code FlaskFilter}.
 *
 * <p>Configuration (each key from the environment as {@code FLASK_<KEY>}, or a context-param {@code <KEY>}):
 * {@code SECRET_KEY} signs the session cookie and must be set in production; {@code INSTANCE_PATH} (the instance folder) is where
 * the Flaskr database and the uploads are kept; {@code UPLOAD_FOLDER} overrides the uploads folder.
 */
public class Hello extends Flask {
    /** The password {@link #login()} accepts from any user name; the login page shows it, marked as a demo. */
    static final String DEMO_PASSWORD = "secret";

    /** The quickstart views are this class's {@code @Route} methods; Flaskr is wired here. */
    public Hello() {
        // Quickstart "Using Flask Extensions" and the tutorial's create_app(): the database extension, then the
        // blog's blueprints (Auth's before_app_request hook puts the logged-in user into g() for every request).
        register(new DevelopmentSecretKey());
        register(new Database());
        registerBlueprint(new Auth());
        registerBlueprint(new Blog());
        // Quickstart "Debug Mode": /debug/boom raises, to show the traceback page (debug mode only)
        registerBlueprint(new DebugDemo());
    }

    /**
     * The app factory (Flask tutorial: {@code create_app(test_config=None)}): a new app, configured as the
     * container configures {@code new Hello()} when {@code testConfig} is null, else with the upper-case keys of
     * {@code testConfig} set, for tests ({@code TESTING}, {@code FLASKR_DATA_DIR} for a throwaway database...).
     *
     * @param testConfig config values for a test, or null
     */
    public static Hello create(Map<String, ?> testConfig) {
        Hello app = new Hello();
        if (testConfig != null) {
            app.config().fromMapping(testConfig);
        }
        return app;
    }

    // ------------------------------------------------------------------ index

    /** The table of contents: every section below, linked with {@code #flask.urlFor} in the template. */
    @Route("/")
    String index() {
        return renderTemplate("index.html");
    }

    // ------------------------------------------------------------------ "A Minimal Application"

    /** The quickstart's first app, word for word. */
    @Route("/hello")
    String helloWorld() {
        return "Hello, World!";
    }

    // ------------------------------------------------------------------ "Variable Rules" (every converter)

    /** {@code string} (the default): any text without a slash. The endpoint is named as in "URL Building". */
    @Route(value = "/user/<username>", endpoint = "profile")
    String showUserProfile(String username) {
        // "HTML Escaping": user input goes into HTML only escaped
        return "User " + escape(username);
    }

    /** {@code int}: positive integers; {@code /post/abc} is a 404, not an error in the view. */
    @Route("/post/<int:postId>")
    String showPost(int postId) {
        return "Post " + postId;
    }

    /** {@code path}: like the default but also accepts slashes. */
    @Route("/path/<path:subpath>")
    String showSubpath(String subpath) {
        return "Subpath " + escape(subpath);
    }

    /** {@code float}: positive floating point values. */
    @Route("/price/<float:amount>")
    String showPrice(double amount) {
        return "Price " + amount;
    }

    /** {@code uuid}: UUID strings. */
    @Route("/item/<uuid:itemId>")
    String showItem(UUID itemId) {
        return "Item " + itemId;
    }

    /** {@code any}: one of the listed words. */
    @Route("/lang/<any(en, fr, de):code>")
    String showLanguage(String code) {
        return "Language " + code;
    }

    // ------------------------------------------------------------------ "Unique URLs / Redirection Behavior"

    /** Like a folder: {@code /projects} redirects here with a 308. */
    @Route("/projects/")
    String projects() {
        return "The project page";
    }

    /** Like a file: {@code /about/} is a 404, so each page has exactly one URL. */
    @Route("/about")
    String about() {
        return "The about page";
    }

    // ------------------------------------------------------------------ "URL Building"

    /** Shows what {@code urlFor} builds: every URL carries the context path, as Flask's carry SCRIPT_NAME. */
    @Route("/url-building")
    String urlBuilding() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("urlFor(\"index\")", urlFor("index"));
        urls.put("urlFor(\"login\")", urlFor("login"));
        urls.put("urlFor(\"login\", \"next\", \"/\")", urlFor("login", "next", "/"));
        urls.put("urlFor(\"profile\", \"username\", \"John Doe\")", urlFor("profile", "username", "John Doe"));
        urls.put("urlFor(\"static\", \"filename\", \"style.css\")", urlFor("static", "filename", "style.css"));
        urls.put("urlFor(\"index\", \"_external\", true)", urlFor("index", "_external", true));
        return renderTemplate("url_building.html", "urls", urls);
    }

    // ------------------------------------------------------------------ "HTTP Methods"

    /** One URL, several methods: other methods get 405 Method Not Allowed with an {@code Allow} header. */
    @Route(value = "/methods", methods = {"GET", "POST", "PUT", "DELETE"})
    String methods() {
        return "You sent a " + request().method() + " request.";
    }

    // ------------------------------------------------------------------ "Rendering Templates"

    /** A template with the site's layout; {@code th:text} escapes the name ({@code /hello/<b>x</b>} is safe). */
    @Route("/hello/<name>")
    String hello(String name) {
        return renderTemplate("hello.html", "name", name);
    }

    /** "HTML Escaping" and {@code Markup}: what is escaped, what is trusted, and how to tell. */
    @Route("/autoescaping")
    String autoescaping() {
        String input = "<script>alert('hi')</script>";
        return renderTemplate("autoescaping.html",
                "input", input,
                "escaped", escape(input),
                "trusted", new Markup("<strong>Hello {}!</strong>").format("<blink>hacker</blink>"),
                "stripped", new Markup("<em>Marked up</em> &raquo; HTML").striptags());
    }

    // ------------------------------------------------------------------ "The Request Object", "Sessions",
    // "Message Flashing"

    /**
     * The quickstart's login form: {@code request().form().get(key)} answers 400 Bad Request when the form lacks
     * the key, exactly like {@code request.form['username']}; a good login goes into the session.
     */
    @Route(value = "/login", methods = {"GET", "POST"})
    Object login() {
        String error = null;
        if (request().method().equals("POST")) {
            String username = request().form().get("username");
            String password = request().form().get("password");
            if (validLogin(username, password)) {
                return logTheUserIn(username);
            }
            error = "Invalid username/password";
            flash(error, "error");
        }
        // a GET, or the credentials were invalid: show the form (again)
        return renderTemplate("login.html", "error", error, "password", DEMO_PASSWORD);
    }

    private static boolean validLogin(String username, String password) {
        return !username.isBlank() && password.equals(DEMO_PASSWORD);
    }

    private static Response logTheUserIn(String username) {
        session().put("username", username);
        flash("You were successfully logged in");
        return redirect(urlFor("index"));
    }

    /** Removes the user name from the session if it is there. */
    @Route("/logout")
    Response logout() {
        session().remove("username");
        flash("You were logged out", "info");
        return redirect(urlFor("index"));
    }

    /** Query string arguments: {@code get(key, default)} never fails, so a missing {@code q} is not a 400. */
    @Route("/search")
    String search() {
        return renderTemplate("search.html", "q", request().args().get("q", ""));
    }

    // ------------------------------------------------------------------ "File Uploads"

    /** An upload form; the stored name comes from {@code secureFilename}, never from the client as is. */
    @Route(value = "/upload", methods = {"GET", "POST"})
    Object upload() throws IOException {
        if (request().method().equals("POST")) {
            FileStorage file = request().files().get("the_file");
            String name = secureFilename(file.filename() == null ? "" : file.filename());
            if (name.isEmpty()) {
                flash("Choose a file to upload.", "error");
                return redirect(urlFor("upload"));
            }
            file.save(uploadFolder().resolve(name));
            flash("Uploaded " + name, "success");
            return redirect(urlFor("upload"));
        }
        return renderTemplate("upload.html", "files", uploadedFiles());
    }

    /**
     * Serves an uploaded file as a download; {@code sendFromDirectory} refuses names that leave the folder. Never
     * inline: an uploaded {@code .html} or {@code .svg} shown from this origin would run its scripts with the
     * visitor's session (stored XSS), and {@code nosniff} keeps browsers from guessing a type into HTML.
     */
    @Route("/uploads/<path:filename>")
    Response uploadedFile(String filename) throws IOException {
        Response r = sendFromDirectory(uploadFolder(), filename, true, null);
        r.headers().set("X-Content-Type-Options", "nosniff");
        return r;
    }

    private Path uploadFolder() throws IOException {
        String configured = config().getString("UPLOAD_FOLDER", null);
        Path folder = configured != null ? Path.of(configured) : Database.dataDir(this).resolve("uploads");
        return Files.createDirectories(folder);
    }

    private List<String> uploadedFiles() throws IOException {
        try (Stream<Path> files = Files.list(uploadFolder())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ "Cookies"

    /** Reads the {@code username} cookie, and sets it from the form on a POST. */
    @Route(value = "/cookies", methods = {"GET", "POST"})
    Response cookies() {
        // get(key, null), not get(key): a missing cookie must not be a 400
        String sent = request().cookies().get("username", null);
        if (request().method().equals("POST")) {
            String chosen = request().form().get("username");
            Response resp = makeResponse(renderTemplate("cookies.html", "sent", sent, "set", chosen));
            resp.setCookie("username", chosen);
            return resp;
        }
        return makeResponse(renderTemplate("cookies.html", "sent", sent, "set", null));
    }

    // ------------------------------------------------------------------ "Redirects and Errors"

    /** A redirect, built with {@code urlFor} so it carries the context path. */
    @Route("/redirect")
    Response redirectToLogin() {
        return redirect(urlFor("login"));
    }

    /** Stops the request with 401 Unauthorized; the code after {@code abort} never runs. */
    @Route("/secret")
    String secret() {
        throw abort(401);
    }

    // The custom 404 page ("About Responses") is an app-wide handler of the Flaskr auth blueprint,
    // Auth.pageNotFound: a blueprint's @AppErrorHandler lands in the app's own table, as Flask's app_errorhandler does.

    // ------------------------------------------------------------------ "About Responses", "APIs with JSON"

    /** {@code makeResponse(body, status, headers)}: Flask's {@code (body, status, headers)} tuple. */
    @Route("/response")
    Response customResponse() {
        return makeResponse(renderTemplate("response.html"), 200, Map.of("X-Something", "A value"));
    }

    /** A {@code Map} becomes a JSON object. */
    @Route("/me")
    Map<String, Object> meApi() {
        Object username = session().get("username");
        return Map.of("username", username != null ? username : "guest", "theme", "light",
                "stylesheet", urlFor("static", "filename", "style.css"));
    }

    /** A {@code List} (of records here) becomes a JSON array; {@code jsonify} says it explicitly. */
    @Route("/users")
    Response usersApi() {
        return jsonify(List.of(new User("alice", "light"), new User("bob", "dark")));
    }

    /** A user as the JSON API shows it. */
    record User(String username, String theme) {}

    // ------------------------------------------------------------------ "Logging"

    /** Writes to {@code logger()}, a JDK logger named after the app: the records land in the container's log. */
    @Route("/logging")
    String logging() {
        logger().fine("A value for debugging");
        logger().log(Level.WARNING, "A warning occurred ({0} apples)", 42);
        logger().severe("An error occurred");
        return renderTemplate("logging.html", "logger", logger().getName());
    }

    // ------------------------------------------------------------------ "Hooking in WSGI Middleware"

    /** What ProxyFix would change behind a reverse proxy: the client address, scheme, host and external URLs. */
    @Route("/proxy-fix")
    String proxyFix() {
        return renderTemplate("proxy_fix.html", "externalUrl", urlFor("index", "_external", true));
    }

    // ------------------------------------------------------------------ "Using Flask Extensions"

    /** The registered extensions, and the Flaskr database extension in use. */
    @Route("/extensions")
    String extensionsPage() throws SQLException {
        return renderTemplate("extensions.html", "names", List.copyOf(extensions().keySet()),
                "posts", Blog.countPosts());
    }
}
