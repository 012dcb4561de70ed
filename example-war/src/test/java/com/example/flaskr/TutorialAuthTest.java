package com.example.flaskr;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flask's tutorial tests, tests/test_auth.py, case for case. Redirects carry a path, not an absolute URL, as
 * Flask 3.1 sends them ({@code Location: /auth/login}), so the headers are compared as the Python tests do, with the
 * example's {@code /flaskr} prefix.
 */
class TutorialAuthTest extends TutorialConftest {
    /** test_auth.py {@code test_register}. */
    @Test
    void test_register() throws Exception {
        // test that viewing the page renders without template errors
        assertEquals(200, client.get(flaskr("/auth/register")).status());

        // test that successful registration redirects to the login page
        TestResponse response = client.post(flaskr("/auth/register"), Map.of("username", "a", "password", "a"));
        assertEquals(flaskr("/auth/login"), response.headers().get("Location"));

        // test that the user was inserted into the database
        assertEquals(1, count("SELECT COUNT(*) FROM users WHERE username = 'a'"));
    }

    /** test_auth.py {@code test_register_validate_input}, each {@code parametrize} row. */
    @ParameterizedTest(name = "username={0} password={1}")
    @CsvSource(emptyValue = "", value = {
        "'', '', Username is required.",
        "a, '', Password is required.",
        "test, test, already registered",
    })
    void test_register_validate_input(String username, String password, String message) {
        TestResponse response = client.post(flaskr("/auth/register"),
                Map.of("username", username, "password", password));
        assertTrue(response.text().contains(message), response.text());
    }

    /** test_auth.py {@code test_login}. */
    @Test
    void test_login() {
        // test that viewing the page renders without template errors
        assertEquals(200, client.get(flaskr("/auth/login")).status());

        // test that successful login redirects to the index page
        TestResponse response = auth.login();
        assertEquals(flaskr("/"), response.headers().get("Location"));

        // login request set the user_id in the session
        // check that the user is loaded from the session
        try (TestClient.KeptContext kept = client.keepContext()) {
            client.get(flaskr("/"));
            assertEquals(1, session().get("user_id"));
            User user = g().get("user", null);
            assertEquals("test", user.username());
        }
    }

    /** test_auth.py {@code test_login_validate_input}, each {@code parametrize} row. */
    @ParameterizedTest(name = "username={0} password={1}")
    @CsvSource({
        "a, test, Incorrect username.",
        "test, a, Incorrect password.",
    })
    void test_login_validate_input(String username, String password, String message) {
        TestResponse response = auth.login(username, password);
        assertTrue(response.text().contains(message), response.text());
    }

    /** test_auth.py {@code test_logout}. */
    @Test
    void test_logout() {
        auth.login();

        try (TestClient.KeptContext kept = client.keepContext()) {
            auth.logout();
            assertFalse(session().containsKey("user_id"));
        }
    }
}
