package com.example.flaskr;

import dev.flaskj.AppErrorHandler;
import dev.flaskj.BeforeAppRequest;
import dev.flaskj.Blueprint;
import dev.flaskj.Response;
import dev.flaskj.Route;
import dev.flaskj.View;
import dev.flaskj.ViewDecorator;
import dev.flaskj.exceptions.HttpException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Flaskr's authentication blueprint at {@code /flaskr/auth} (its own prefix; the Jinja example registers it at
 * {@code /auth}, as the tutorial does): register, log in, log out (Flask tutorial: {@code flaskr/auth.py}).
 *
 * <p>The logged-in user's id lives in the session ({@code user_id}); {@link #loadLoggedInUser()} runs before
 * every request of the app ({@code @BeforeAppRequest}: not only this blueprint's) and puts the {@link User} into
 * {@code g()} under {@code user}, where views and templates find it ({@code ${g.user.username}} in Thymeleaf,
 * {@code g.user['username']} in Jinja). Its
 * {@code @AppErrorHandler(403)} renders the "not allowed" page for every view of the app, and
 * {@code @AppErrorHandler(404)} the app's 404 page.
 */
public final class Auth extends Blueprint {
    /** The blueprint named {@code auth}: endpoints {@code auth.register}, {@code auth.login}, {@code auth.logout}. */
    public Auth() {
        super("auth", "/flaskr/auth");
    }

    /** Creates an account; a taken name or an empty field is flashed as an error and the form shown again. */
    @Route(value = "/register", methods = {"GET", "POST"})
    Object register() throws SQLException {
        if (request().method().equals("POST")) {
            String username = request().form().get("username").strip();
            String password = request().form().get("password");
            String error = validate(username, password);
            if (error == null) {
                error = insertUser(username, password);
            }
            if (error == null) {
                flash("Registered " + username + ". Please log in.", "success");
                return redirect(urlFor("auth.login"));
            }
            flash(error, "error");
        }
        return renderTemplate("auth/register.html");
    }

    private static String validate(String username, String password) {
        if (username.isEmpty()) {
            return "Username is required.";
        }
        if (password.isEmpty()) {
            return "Password is required.";
        }
        return null;
    }

    /** Inserts the user with a PBKDF2 hash of the password; returns an error message when the name is taken. */
    private static String insertUser(String username, String password) throws SQLException {
        try (PreparedStatement insert = Database.get().prepareStatement(
                "INSERT INTO users (username, password) VALUES (?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, Passwords.hash(password));
            insert.executeUpdate();
            return null;
        } catch (SQLIntegrityConstraintViolationException e) {
            // the UNIQUE constraint decides, so two registrations racing for one name cannot both win
            return "User " + username + " is already registered.";
        }
    }

    /** Checks the password against the stored hash; on success the session holds only the user's id. */
    @Route(value = "/login", methods = {"GET", "POST"})
    Object login() throws SQLException {
        if (request().method().equals("POST")) {
            String username = request().form().get("username").strip();
            String password = request().form().get("password");
            StoredUser user = findByName(username);
            String error = user == null ? "Incorrect username."
                    : !Passwords.check(user.passwordHash(), password) ? "Incorrect password." : null;
            if (error == null) {
                // a fresh session: nothing from before the login (nor a planted id) survives it
                session().clear();
                session().put("user_id", user.id());
                flash("Welcome, " + user.username() + "!", "success");
                return redirect(urlFor("blog.index"));
            }
            flash(error, "error");
        }
        return renderTemplate("auth/login.html");
    }

    /** Forgets the user (and the rest of the session). */
    @Route("/logout")
    Response logout() {
        session().clear();
        flash("You were logged out.", "info");
        return redirect(urlFor("blog.index"));
    }

    /**
     * Puts the logged-in {@link User} (or nothing) into {@code g()} under {@code user}, before every request of
     * the app (Flask tutorial: {@code @bp.before_app_request def load_logged_in_user()}).
     *
     * @return null, so the request goes on
     */
    @BeforeAppRequest
    Object loadLoggedInUser() throws SQLException {
        Object id = session().get("user_id");
        // the session may be Flask's (a Python app with the same key): numbers arrive as Integer or Long
        if (id instanceof Number n) {
            User user = findById(n.intValue());
            if (user != null) {
                g().put("user", user);
            }
        }
        return null;
    }

    /**
     * The page for a 403 anywhere in the app (an app-wide handler: the blog's views raise it), with the status kept
     * and a hint to log in as the post's author.
     */
    @AppErrorHandler(403)
    Object forbidden(HttpException e) {
        return makeResponse(renderTemplate("auth/forbidden.html", "description", e.description()), 403);
    }

    /**
     * The app's 404 page, for every view of the app and for URLs no rule matches ("About Responses": a template, a
     * status and an extra header in one response). A blueprint's {@code @AppErrorHandler} is the app's handler, as
     * Flask's {@code app_errorhandler} is.
     */
    @AppErrorHandler(404)
    Response pageNotFound() {
        Response resp = makeResponse(renderTemplate("page_not_found.html"), 404);
        resp.headers().set("X-Something", "A value");
        return resp;
    }

    /** The logged-in user, or null (Flask: {@code g.user}). */
    public static User currentUser() {
        return g().get("user", null);
    }

    /**
     * The view decorator behind {@link LoginRequired} (Flask tutorial: {@code login_required}): with no user in
     * {@code g()} it answers a redirect to {@code auth.login} and the view does not run; otherwise the view runs
     * with its URL arguments unchanged.
     */
    static final class LoginRequiredDecorator implements ViewDecorator {
        @Override
        public View decorate(View view) {
            return args -> currentUser() == null ? redirect(urlFor("auth.login")) : view.handle(args);
        }
    }

    private static User findById(int id) throws SQLException {
        try (PreparedStatement q = Database.get().prepareStatement("SELECT id, username FROM users WHERE id = ?")) {
            q.setInt(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new User(rs.getInt(1), rs.getString(2)) : null;
            }
        }
    }

    private static StoredUser findByName(String username) throws SQLException {
        Connection db = Database.get();
        try (PreparedStatement q = db.prepareStatement("SELECT id, username, password FROM users WHERE username = ?")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new StoredUser(rs.getInt(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** A users row with its password hash; never leaves this class. */
    private record StoredUser(int id, String username, String passwordHash) {}
}
