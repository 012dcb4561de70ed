package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flaskr, the Flask tutorial's blog inside the example WAR, over HTTP: register, log in, create, edit, another user
 * cannot edit, log out.
 */
@ExtendWith(ExampleServer.class)
class FlaskrIT {
    private static final String FLASKR = "/myapplication/flaskr";
    private static final Pattern EDIT_LINK = Pattern.compile("href=\"/myapplication/flaskr/(\\d+)/update\"");

    /** A user name no earlier run has taken: the database outlives the test run's server. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers {@code username} (password "pw") and logs the client in. */
    static void registerAndLogIn(CookieClient client, String username) throws Exception {
        HttpResponse<String> register = client.post(FLASKR + "/auth/register",
                Map.of("username", username, "password", "pw"));
        assertEquals(302, register.statusCode(), register.body());
        assertEquals(FLASKR + "/auth/login", register.headers().firstValue("Location").orElse(""));
        HttpResponse<String> login = client.post(FLASKR + "/auth/login",
                Map.of("username", username, "password", "pw"));
        assertEquals(302, login.statusCode(), login.body());
        assertEquals(FLASKR + "/", login.headers().firstValue("Location").orElse(""));
    }

    /** Creates a post and returns its id, read from the author's edit link. */
    static String createPost(CookieClient client, String title, String body) throws Exception {
        HttpResponse<String> create = client.post(FLASKR + "/create", Map.of("title", title, "body", body));
        assertEquals(302, create.statusCode(), create.body());
        String index = client.get(FLASKR + "/").body();
        int at = index.indexOf("<h2 class=\"title\">" + title + "</h2>");
        assertTrue(at >= 0, index);
        Matcher edit = EDIT_LINK.matcher(index);
        assertTrue(edit.find(at), index);
        return edit.group(1);
    }

    @Test
    void registerLoginCreateEditAnotherUserCannotEditLogout(TestServer server) throws Exception {
        CookieClient alice = new CookieClient(server);
        String aliceName = uniqueName("alice");
        registerAndLogIn(alice, aliceName);
        String index = alice.get(FLASKR + "/").body();
        assertTrue(index.contains("<p class=\"flash success\">Welcome, " + aliceName + "!</p>"), index);
        assertTrue(index.contains("Flaskr: <b>" + aliceName + "</b>"), index);

        String title = uniqueName("post");
        String id = createPost(alice, title, "hello <world>");
        assertTrue(alice.get(FLASKR + "/").body().contains("hello &lt;world&gt;"));

        String edited = title + " (edited)";
        assertEquals(302, alice.post(FLASKR + "/" + id + "/update", Map.of("title", edited, "body", "new body"))
                .statusCode());
        assertTrue(alice.get(FLASKR + "/").body().contains("<h2 class=\"title\">" + edited + "</h2>"));

        CookieClient bob = new CookieClient(server);
        registerAndLogIn(bob, uniqueName("bob"));
        assertFalse(bob.get(FLASKR + "/").body().contains("/flaskr/" + id + "/update"), "no edit link for bob");
        assertEquals(403, bob.get(FLASKR + "/" + id + "/update").statusCode());
        assertEquals(403, bob.post(FLASKR + "/" + id + "/update", Map.of("title", "bob's", "body", ""))
                .statusCode());
        assertEquals(403, bob.post(FLASKR + "/" + id + "/delete", Map.of()).statusCode());
        assertTrue(bob.get(FLASKR + "/").body().contains(edited), "bob changed nothing");

        HttpResponse<String> logout = alice.get(FLASKR + "/auth/logout");
        assertEquals(302, logout.statusCode());
        assertEquals(FLASKR + "/auth/login", alice.get(FLASKR + "/create").headers().firstValue("Location")
                .orElse(""), "logged out: writing needs a login again");
        assertEquals(302, alice.post(FLASKR + "/" + id + "/update", Map.of("title", "x", "body", "")).statusCode());
    }

    @Test
    void authorDeletesTheirPost(TestServer server) throws Exception {
        CookieClient carol = new CookieClient(server);
        registerAndLogIn(carol, uniqueName("carol"));
        String title = uniqueName("doomed");
        String id = createPost(carol, title, "bye");
        assertEquals(302, carol.post(FLASKR + "/" + id + "/delete", Map.of()).statusCode());
        assertFalse(carol.get(FLASKR + "/").body().contains(title));
        assertEquals(404, carol.get(FLASKR + "/" + id + "/update").statusCode());
        assertEquals(405, carol.get(FLASKR + "/" + id + "/delete").statusCode(), "deleting is a POST only");
    }

    @Test
    void registrationAndLoginErrorsAreFlashed(TestServer server) throws Exception {
        CookieClient client = new CookieClient(server);
        String name = uniqueName("dave");
        registerAndLogIn(client, name);
        assertTrue(client.post(FLASKR + "/auth/register", Map.of("username", name, "password", "x")).body()
                .contains("<p class=\"flash error\">User " + name + " is already registered.</p>"));
        assertTrue(client.post(FLASKR + "/auth/login", Map.of("username", name, "password", "wrong")).body()
                .contains("<p class=\"flash error\">Incorrect password.</p>"));
        assertEquals(400, client.post(FLASKR + "/auth/login", Map.of("username", name)).statusCode());
    }
}
