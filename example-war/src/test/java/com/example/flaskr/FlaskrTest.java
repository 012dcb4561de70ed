package com.example.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.ExampleApps;
import com.example.Hello;
import dev.flaskj.Blueprint;
import dev.flaskj.Flask;
import dev.flaskj.Get;
import dev.flaskj.cli.CliResult;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flaskr, the tutorial's blog, through the test client (Flask tutorial: tests/test_auth.py, test_blog.py). */
class FlaskrTest {
    @TempDir
    Path dataDir;

    private TestClient client() {
        TestClient client = ExampleApps.create(dataDir).testClient();
        client.setContextPath("/myapplication");
        return client;
    }

    private static void registerAndLogIn(TestClient client, String username) {
        assertEquals(302, client.post("/flaskr/auth/register", Map.of("username", username, "password", "pw")).status());
        TestResponse login = client.post("/flaskr/auth/login", Map.of("username", username, "password", "pw"));
        assertEquals(302, login.status());
        assertEquals("/myapplication/flaskr/", login.location());
    }

    /** Flask tutorial: the database file is kept in the app's instance folder. */
    @Test
    void databaseLivesInTheInstanceFolder() {
        Hello app = ExampleApps.create(dataDir);
        assertEquals(dataDir.toAbsolutePath(), app.instancePath());
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");
        registerAndLogIn(client, "inst");
        assertTrue(java.nio.file.Files.exists(dataDir.resolve("flaskr.mv.db")), "flaskr.mv.db in the instance folder");
    }

    @Test
    void registerValidatesAndRefusesTakenNames() {
        TestClient client = client();
        TestResponse ok = client.post("/flaskr/auth/register", Map.of("username", "a", "password", "a"));
        assertEquals("/myapplication/flaskr/auth/login", ok.location());
        assertTrue(client.get("/flaskr/auth/login").text().contains("Registered a. Please log in."));
        for (var c : Map.of("", "Username is required.", "b", "Password is required.", "a",
                "User a is already registered.").entrySet()) {
            String password = c.getKey().equals("b") ? "" : "x";
            String page = client.post("/flaskr/auth/register", Map.of("username", c.getKey(), "password", password))
                    .text();
            assertTrue(page.contains(c.getValue()), page);
        }
    }

    @Test
    void loginChecksTheHashedPassword() {
        TestClient client = client();
        client.post("/flaskr/auth/register", Map.of("username", "a", "password", "right"));
        assertTrue(client.post("/flaskr/auth/login", Map.of("username", "nobody", "password", "right")).text()
                .contains("Incorrect username."));
        assertTrue(client.post("/flaskr/auth/login", Map.of("username", "a", "password", "wrong")).text()
                .contains("Incorrect password."));
        client.sessionTransaction(s -> assertFalse(s.containsKey("user_id")));
    }

    @Test
    void authorCreatesEditsAndDeletesOthersCannot() {
        TestClient alice = client();
        registerAndLogIn(alice, "alice");
        assertTrue(alice.get("/flaskr/").text().contains("Welcome, alice!"));
        assertEquals(302, alice.post("/flaskr/create", Map.of("title", "first", "body", "hello <world>")).status());
        String index = alice.get("/flaskr/").text();
        assertTrue(index.contains("<h2 class=\"title\">first</h2>"), index);
        assertTrue(index.contains("hello &lt;world&gt;"), index);
        assertTrue(index.contains("href=\"/myapplication/flaskr/1/update\""), index);

        assertEquals(302, alice.post("/flaskr/1/update", Map.of("title", "edited", "body", "b")).status());
        assertTrue(alice.get("/flaskr/").text().contains("edited"));

        TestClient bob = client();
        registerAndLogIn(bob, "bob");
        assertFalse(bob.get("/flaskr/").text().contains("/flaskr/1/update"));
        assertEquals(403, bob.get("/flaskr/1/update").status());
        assertEquals(403, bob.post("/flaskr/1/update", Map.of("title", "mine", "body", "")).status());
        assertEquals(403, bob.post("/flaskr/1/delete").status());
        assertEquals(404, bob.get("/flaskr/2/update").status());

        assertEquals(302, alice.post("/flaskr/1/delete").status());
        assertTrue(alice.get("/flaskr/").text().contains("No posts yet."));
    }

    /** Auth's @BeforeAppRequest loads the user for every request, the quickstart's pages too (not only /flaskr). */
    @Test
    void theUserIsLoadedForEveryRequestOfTheApp() {
        TestClient alice = client();
        registerAndLogIn(alice, "alice");
        assertTrue(alice.get("/").text().contains("Flaskr: <b>alice</b>"), alice.get("/").text());
        assertFalse(client().get("/").text().contains("Flaskr: <b>"));
    }

    /** Auth's @AppErrorHandler(403) renders the "not allowed" page for the blog's views, keeping the status. */
    @Test
    void forbiddenIsRenderedByTheAuthBlueprintsAppWideHandler() {
        TestClient alice = client();
        registerAndLogIn(alice, "alice");
        assertEquals(302, alice.post("/flaskr/create", Map.of("title", "hers", "body", "")).status());
        TestClient bob = client();
        registerAndLogIn(bob, "bob");
        TestResponse r = bob.get("/flaskr/1/update");
        assertEquals(403, r.status());
        assertTrue(r.text().contains("<h1>Not allowed</h1>"), r.text());
        assertEquals(404, bob.get("/flaskr/2/update").status()); // other codes keep their own pages
    }

    @Test
    void writingNeedsALoginAndATitle() {
        TestClient client = client();
        assertEquals("/myapplication/flaskr/auth/login", client.get("/flaskr/create").location());
        assertEquals("/myapplication/flaskr/auth/login", client.post("/flaskr/1/delete").location());
        registerAndLogIn(client, "carol");
        assertTrue(client.post("/flaskr/create", Map.of("title", " ", "body", "b")).text()
                .contains("Title is required."));
        client.get("/flaskr/auth/logout");
        assertEquals("/myapplication/flaskr/auth/login", client.get("/flaskr/create").location());
    }

    /** A view of the test's own, behind Flaskr's real {@code @LoginRequired}, with a URL argument. */
    public static final class Members extends Blueprint {
        public Members() {
            super("members", "/members");
        }

        @Get("/<int:page>")
        @LoginRequired
        String page(int page) {
            return "page " + page + " for " + Auth.currentUser().username() + " at " + request().endpoint();
        }
    }

    @Test
    void loginRequiredRedirectsAnonymousVisitorsToTheLoginAndLetsUsersThroughWithTheirArguments() {
        Flask app = ExampleApps.create(dataDir);
        app.registerBlueprint(new Members());
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");
        TestResponse anonymous = client.get("/members/3");
        assertEquals(302, anonymous.status());
        assertEquals("/myapplication/flaskr/auth/login", anonymous.location());
        registerAndLogIn(client, "erin");
        assertEquals("page 3 for erin at members.page", client.get("/members/3").text());
    }

    @Test
    void loginRequiredRunsBeforeTheViewSoAnonymousWritesChangeNothing() {
        TestClient alice = client();
        registerAndLogIn(alice, "alice");
        alice.post("/flaskr/create", Map.of("title", "stays", "body", "b"));
        TestClient anonymous = client();
        // the view would answer 403 (not the author) or 404 (no post): the decorator answers first
        assertEquals("/myapplication/flaskr/auth/login", anonymous.post("/flaskr/1/delete").location());
        assertEquals("/myapplication/flaskr/auth/login", anonymous.get("/flaskr/99/update").location());
        assertTrue(anonymous.get("/flaskr/").text().contains("stays"));
    }

    @Test
    void postsSurviveANewAppOnTheSameFolder() {
        TestClient first = client();
        registerAndLogIn(first, "dave");
        first.post("/flaskr/create", Map.of("title", "kept", "body", "across restarts"));
        assertTrue(client().get("/flaskr/").text().contains("kept"));
    }

    @Test
    void passwordsAreSaltedPbkdf2() {
        String a = Passwords.hash("pw");
        assertTrue(a.startsWith("pbkdf2:sha256:"), a);
        assertFalse(a.equals(Passwords.hash("pw")));
        assertTrue(Passwords.check(a, "pw"));
        assertFalse(Passwords.check(a, "pW"));
        assertFalse(Passwords.check("garbage", "pw"));
    }

    /** Flask tutorial: tests/test_db.py test_init_db_command, through the CLI runner. */
    @Test
    void initDbCommandClearsTheDataAndSaysSo() {
        Hello app = ExampleApps.create(dataDir);
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");
        registerAndLogIn(client, "erin");
        client.post("/flaskr/create", Map.of("title", "soon gone", "body", "b"));

        CliResult result = app.testCliRunner().invoke("init-db");

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("Initialized the database.\n", result.output());
        assertFalse(client().get("/flaskr/").text().contains("soon gone"));
        assertTrue(client.post("/flaskr/auth/login", Map.of("username", "erin", "password", "pw")).text()
                .contains("Incorrect username."));
        // the new tables work: the same name registers again
        assertEquals(302, client.post("/flaskr/auth/register", Map.of("username", "erin", "password", "pw")).status());
        assertTrue(app.testCliRunner().invoke("--help").output()
                .contains("  init-db  Clear the existing data and create new tables.\n"));
    }
}
