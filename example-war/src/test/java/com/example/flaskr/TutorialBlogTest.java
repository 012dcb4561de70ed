package com.example.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.AppContext;
import dev.flaskj.testing.TestResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flask's tutorial tests, tests/test_blog.py, case for case. The tutorial's paths get the example's
 * {@code /flaskr} prefix, in requests, in links ({@code href="/flaskr/1/update"}) and in the redirects'
 * {@code Location} paths.
 */
class TutorialBlogTest extends TutorialConftest {
    /** test_blog.py {@code test_index}. */
    @Test
    void test_index() {
        String page = client.get(flaskr("/")).text();
        assertTrue(page.contains("Log In"), page);
        assertTrue(page.contains("Register"), page);

        auth.login();
        page = client.get(flaskr("/")).text();
        assertTrue(page.contains("test title"), page);
        assertTrue(page.contains("by test on 2018-01-01"), page);
        assertTrue(page.contains("test\nbody"), page);
        assertTrue(page.contains("href=\"" + flaskr("/1/update") + "\""), page);
    }

    /** test_blog.py {@code test_login_required}, each {@code parametrize} row. */
    @ParameterizedTest
    @ValueSource(strings = {"/create", "/1/update", "/1/delete"})
    void test_login_required(String path) {
        TestResponse response = client.post(flaskr(path));
        assertEquals(flaskr("/auth/login"), response.headers().get("Location"));
    }

    /** test_blog.py {@code test_author_required}. */
    @Test
    void test_author_required() throws Exception {
        // change the post author to another user
        try (AppContext ctx = app.appContext(); Statement db = Database.get().createStatement()) {
            db.executeUpdate("UPDATE posts SET author_id = 2 WHERE id = 1");
        }

        auth.login();
        // current user can't modify other user's post
        assertEquals(403, client.post(flaskr("/1/update")).status());
        assertEquals(403, client.post(flaskr("/1/delete")).status());
        // current user doesn't see edit link
        assertFalse(client.get(flaskr("/")).text().contains("href=\"" + flaskr("/1/update") + "\""));
    }

    /** test_blog.py {@code test_exists_required}, each {@code parametrize} row. */
    @ParameterizedTest
    @ValueSource(strings = {"/2/update", "/2/delete"})
    void test_exists_required(String path) {
        auth.login();
        assertEquals(404, client.post(flaskr(path)).status());
    }

    /** test_blog.py {@code test_create}. */
    @Test
    void test_create() throws Exception {
        auth.login();
        assertEquals(200, client.get(flaskr("/create")).status());
        client.post(flaskr("/create"), Map.of("title", "created", "body", ""));

        assertEquals(2, count("SELECT COUNT(id) FROM posts"));
    }

    /** test_blog.py {@code test_update}. */
    @Test
    void test_update() throws Exception {
        auth.login();
        assertEquals(200, client.get(flaskr("/1/update")).status());
        client.post(flaskr("/1/update"), Map.of("title", "updated", "body", ""));

        try (AppContext ctx = app.appContext();
             PreparedStatement q = Database.get().prepareStatement("SELECT title FROM posts WHERE id = 1");
             ResultSet post = q.executeQuery()) {
            assertTrue(post.next());
            assertEquals("updated", post.getString("title"));
        }
    }

    /** test_blog.py {@code test_create_update_validate}, each {@code parametrize} row. */
    @ParameterizedTest
    @ValueSource(strings = {"/create", "/1/update"})
    void test_create_update_validate(String path) {
        auth.login();
        TestResponse response = client.post(flaskr(path), Map.of("title", "", "body", ""));
        assertTrue(response.text().contains("Title is required."), response.text());
    }

    /** test_blog.py {@code test_delete}. */
    @Test
    void test_delete() throws Exception {
        auth.login();
        TestResponse response = client.post(flaskr("/1/delete"));
        assertEquals(flaskr("/"), response.headers().get("Location"));

        assertEquals(0, count("SELECT COUNT(*) FROM posts WHERE id = 1"));
    }
}
