package com.example.flaskr;

import com.example.Hello;
import dev.flaskj.AppContext;
import dev.flaskj.Flask;
import dev.flaskj.cli.CliRunner;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures of Flask's tutorial tests (examples/tutorial/tests/conftest.py), for the Tutorial*Test classes.
 *
 * <p>Before each test: {@link #app} is a new app from the factory with {@code TESTING} and a fresh database in a
 * temporary folder, its tables created by {@code init_db} and filled with {@code data.sql} (fixture {@code app});
 * {@link #client} is its test client ({@code client}), {@link #runner} its CLI runner ({@code runner}) and
 * {@link #auth} logs the client in and out ({@code auth}).
 *
 * <p>The example serves the tutorial's blueprints under {@code /flaskr}, beside the quickstart's pages, so the
 * tutorial's {@code /auth/login} is {@code /flaskr/auth/login} here and its index {@code /} is {@code /flaskr/}:
 * {@link #flaskr(String)} turns the tutorial's path into the example's, so each case reads as the Python one. A
 * subclass may test another app built from the same blueprints (the Jinja example serves them at the tutorial's own
 * paths, with the tutorial's templates) by overriding {@link #createApp(Map)} and {@link #prefix()}.
 */
abstract class TutorialConftest {
    @TempDir
    Path dbDir;

    Flask app;
    TestClient client;
    CliRunner runner;
    AuthActions auth;

    /** The app factory under test (the tutorial's {@code create_app(test_config)}): here {@link Hello#create}. */
    Flask createApp(Map<String, ?> testConfig) {
        return Hello.create(testConfig);
    }

    /** Where the app mounts the tutorial's URLs: {@code /flaskr} in the quickstart example. */
    String prefix() {
        return "/flaskr";
    }

    /** The app's URL of the tutorial's {@code path} ({@code "/"} is {@code "/flaskr/"} in the example). */
    final String flaskr(String path) {
        return prefix() + path;
    }

    /** conftest.py {@code app()}, {@code client(app)}, {@code runner(app)}, {@code auth(client)}. */
    @BeforeEach
    void createAppWithTestData() throws Exception {
        // create the app with common test config (the tutorial's {"TESTING": True, "DATABASE": db_path})
        app = createApp(Map.of(
                "TESTING", true,
                "FLASKR_DATA_DIR", dbDir.toString(),
                "SECRET_KEY", "test",
                "TEMPLATE_FOLDER", Path.of("src/main/webapp/templates").toAbsolutePath().toString()));
        // create the database and load test data
        try (AppContext ctx = app.appContext();
             InputStream in = TutorialConftest.class.getResourceAsStream("data.sql");
             Reader sql = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Database.initDb();
            RunScript.execute(Database.get(), sql);
        }
        // Held for the whole test: H2 closes a database with its last connection (DB_CLOSE_DELAY=0), and reopening
        // the file between every request and query only adds work and timing to a test that is about the app.
        keepOpen = ((Database) app.extensions().get("flaskr.db")).dataSource(app).getConnection();
        client = app.testClient();
        runner = app.testCliRunner();
        auth = new AuthActions();
    }

    private Connection keepOpen;

    @AfterEach
    void closeDatabase() throws Exception {
        if (keepOpen != null) {
            keepOpen.close();
        }
    }

    /** conftest.py {@code AuthActions}: logs in as the data's user {@code test} (password {@code test}) by default. */
    final class AuthActions {
        TestResponse login() {
            return login("test", "test");
        }

        TestResponse login(String username, String password) {
            return client.post(flaskr("/auth/login"), Map.of("username", username, "password", password));
        }

        TestResponse logout() {
            return client.get(flaskr("/auth/logout"));
        }
    }

    /** The number from a one-row, one-column query, run in an app context as the tutorial's tests do. */
    long count(String sql, Object... params) throws Exception {
        try (AppContext ctx = app.appContext()) {
            Connection db = Database.get();
            try (PreparedStatement q = db.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    q.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
