/**
 * Testing flaskj applications: an in-process test client, test request contexts, in-memory servlet fakes, and
 * embedded Tomcat for deploying a real web application from a JUnit test.
 *
 * <p>Flask/Werkzeug: {@code app.test_client()}, {@code app.test_request_context()}, {@code werkzeug.test}.
 * <pre>{@code
 * TestClient client = app.testClient();
 * TestResponse r = client.post("/login", Map.of("username", "bob"));
 * assertEquals(302, r.status());
 * }</pre>
 * Values are non-null unless documented otherwise.
 */
package dev.flaskj.testing;
