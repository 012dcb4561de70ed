package com.example.flaskr;

import dev.flaskj.Blueprint;
import dev.flaskj.Response;
import dev.flaskj.Route;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Flaskr's blog blueprint at {@code /flaskr/} (its own prefix; the Jinja example registers it at {@code /}, as the
 * tutorial does): list, create, update and delete posts (Flask tutorial: {@code flaskr/blog.py}). Anyone may read;
 * writing needs a login ({@link LoginRequired}), and only a post's author may change it. Templates get database
 * rows ({@link Database#query}), as the tutorial's do.
 */
public final class Blog extends Blueprint {
    private static final String SELECT_POSTS = "SELECT p.id, title, body, created, author_id, username"
            + " FROM posts p JOIN users u ON p.author_id = u.id";

    /** The blueprint named {@code blog}: endpoints {@code blog.index}, {@code blog.create}, ... */
    public Blog() {
        super("blog", "/flaskr");
    }

    /** All posts, newest first. */
    @Route("/")
    String index() throws SQLException {
        List<Map<String, Object>> posts = Database.query(SELECT_POSTS + " ORDER BY created DESC, p.id DESC");
        return renderTemplate("blog/index.html", "posts", posts);
    }

    /** A new post by the logged-in user. */
    @Route(value = "/create", methods = {"GET", "POST"})
    @LoginRequired
    Object create() throws SQLException {
        User user = Auth.currentUser();
        if (request().method().equals("POST")) {
            String title = request().form().get("title").strip();
            String body = request().form().get("body");
            if (!title.isEmpty()) {
                try (PreparedStatement insert = Database.get().prepareStatement(
                        "INSERT INTO posts (title, body, author_id) VALUES (?, ?, ?)")) {
                    insert.setString(1, title);
                    insert.setString(2, body);
                    insert.setInt(3, user.id());
                    insert.executeUpdate();
                }
                return redirect(urlFor("blog.index"));
            }
            flash("Title is required.", "error");
        }
        return renderTemplate("blog/create.html");
    }

    /** Edits a post; 404 when it doesn't exist, 403 when it is someone else's. */
    @Route(value = "/<int:id>/update", methods = {"GET", "POST"})
    @LoginRequired
    Object update(int id) throws SQLException {
        Map<String, Object> post = getPost(id);
        if (request().method().equals("POST")) {
            String title = request().form().get("title").strip();
            String body = request().form().get("body");
            if (!title.isEmpty()) {
                try (PreparedStatement update = Database.get().prepareStatement(
                        "UPDATE posts SET title = ?, body = ? WHERE id = ?")) {
                    update.setString(1, title);
                    update.setString(2, body);
                    update.setInt(3, id);
                    update.executeUpdate();
                }
                return redirect(urlFor("blog.index"));
            }
            flash("Title is required.", "error");
        }
        return renderTemplate("blog/update.html", "post", post);
    }

    /** Deletes a post (a POST from the edit page's button, never a GET). */
    @Route(value = "/<int:id>/delete", methods = {"POST"})
    @LoginRequired
    Response delete(int id) throws SQLException {
        getPost(id);
        try (PreparedStatement delete = Database.get().prepareStatement("DELETE FROM posts WHERE id = ?")) {
            delete.setInt(1, id);
            delete.executeUpdate();
        }
        return redirect(urlFor("blog.index"));
    }

    /**
     * The post's row, if it exists and the logged-in user wrote it (Flask tutorial: {@code get_post}): columns
     * {@code id, title, body, created, author_id, username}.
     */
    private static Map<String, Object> getPost(int id) throws SQLException {
        Map<String, Object> post = Database.queryOne(SELECT_POSTS + " WHERE p.id = ?", id);
        if (post == null) {
            throw abort(404, "Post id " + id + " doesn't exist.");
        }
        if (((Number) post.get("author_id")).intValue() != Auth.currentUser().id()) {
            throw abort(403);
        }
        return post;
    }

    /** How many posts there are: for the quickstart's extensions page. */
    public static int countPosts() throws SQLException {
        try (Statement q = Database.get().createStatement();
             ResultSet rs = q.executeQuery("SELECT COUNT(*) FROM posts")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
