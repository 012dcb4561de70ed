package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.cli.CliResult;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit tests: requests go through the app in-process, no server (Flask: {@code app.test_client()}). */
class AppTest {
    private final TestClient client = app().testClient();

    private static App app() {
        App app = new App();
        // Outside a container the templates are read from the project folder (the tests run in it).
        app.config().put("TEMPLATE_FOLDER", "src/main/webapp/templates");
        return app;
    }

    @Test
    void homePageUsesTheLayout() {
        TestResponse r = client.get("/");
        assertEquals(200, r.status());
        assertTrue(r.text().contains("<h1>Hello from flaskj!</h1>"), r.text());
        assertTrue(r.text().contains("href=\"/static/style.css\""), r.text());
    }

    @Test
    void variableRuleEscapesWhatItShows() {
        TestResponse r = client.get("/hello/<World>");
        assertEquals(200, r.status());
        assertTrue(r.text().contains("<h1>Hello, &lt;World&gt;!</h1>"), r.text());
    }

    @Test
    void loginStoresTheUserInTheSessionAndFlashesOnce() {
        TestResponse r = client.post("/login", Map.of("username", "ann"));
        assertEquals(302, r.status());
        assertEquals("/", r.location());
        String home = client.get("/").text();
        assertTrue(home.contains("You were logged in as ann."), home);
        assertTrue(home.contains("Logged in as ann"), home);
        assertFalse(client.get("/").text().contains("You were logged in"));
    }

    @Test
    void emptyUserNameIsRefused() {
        TestResponse r = client.post("/login", Map.of("username", " "));
        assertEquals(200, r.status());
        assertTrue(r.text().contains("Please enter a user name."), r.text());
    }

    @Test
    void greetCommandPrintsAndReturnsItsExitStatus() {
        CliResult ok = app().testCliRunner().invoke("greet", "Ann");
        assertEquals(0, ok.exitCode());
        assertEquals("Hello, Ann!", ok.output().strip());
        CliResult missing = app().testCliRunner().invoke("greet");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.output().contains("Usage: greet NAME"), missing.output());
    }
}
