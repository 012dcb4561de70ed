package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.TemplatesApp;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates with a layout, flashes, the Flask session and urlFor, and conditional static files (issue 6). */
class TemplatesIT {
    private static final String BASE = """
            <!doctype html>
            <html th:fragment="layout(title, content)" xmlns:th="http://www.thymeleaf.org">
            <head><title th:replace="${title}">title</title>
            <link rel="stylesheet" th:href="${#flask.urlFor('static', 'filename', 'style.css')}"></head>
            <body>
            <ul><li th:each="f : ${#flask.flashedMessagesWithCategories()}" th:class="${f.category}"
                    th:text="${f.message}">flash</li></ul>
            <p id="user" th:text="|Logged in as ${session.username}|">user</p>
            <section th:replace="${content}">content</section>
            </body>
            </html>
            """;
    private static final String PAGE = """
            <html th:replace="~{it-base.html :: layout(~{::title}, ~{::section})}" xmlns:th="http://www.thymeleaf.org">
            <title th:text="${heading}">Page</title>
            <section><h1 th:text="${heading}">Page</h1><a th:href="@{/page(x=1)}">self</a></section>
            </html>
            """;

    @Test
    void layoutFlashSessionAndUrlForRender() throws Exception {
        try (TestServer server = Containers.deploy(TestWebapps.build(TemplatesApp.class, Map.of("SECRET_KEY", "it"),
                Map.of("templates/it-base.html", BASE, "templates/it-page.html", PAGE)), "templates")) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri("/myapplication/login/bob"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            String html = r.body();
            assertTrue(html.contains("<title>Templates &lt;on a container&gt;</title>"), html);
            assertTrue(html.contains("<h1>Templates &lt;on a container&gt;</h1>"), html);
            assertTrue(html.contains("href=\"/myapplication/static/style.css\""), html);
            assertTrue(html.contains("<li class=\"info\">Hello &lt;bob&gt;</li>"), html);
            assertTrue(html.contains("<p id=\"user\">Logged in as bob</p>"), html);
            assertTrue(html.contains("href=\"/myapplication/page?x=1\""), html);
            String again = client.send(HttpRequest.newBuilder(server.uri("/myapplication/page")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(!again.contains("Hello &lt;bob&gt;") && again.contains("Logged in as bob"),
                    "flashes are shown once, the session stays: " + again);
        }
    }

    @Test
    void staticFileAnswers304ToItsETag() throws Exception {
        try (TestServer server = Containers.deploy(TestWebapps.build(TemplatesApp.class, Map.of()), "static")) {
            HttpResponse<String> first = Http.get(server.uri("/myapplication/static/style.css"));
            assertEquals(200, first.statusCode());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> second = Http.send(HttpRequest.newBuilder(
                    server.uri("/myapplication/static/style.css")).header("If-None-Match", etag));
            assertEquals(304, second.statusCode());
            assertEquals("", second.body());
            HttpResponse<String> range = Http.send(HttpRequest.newBuilder(
                    server.uri("/myapplication/static/style.css")).header("Range", "bytes=0-9"));
            assertEquals(206, range.statusCode());
            assertEquals("/* flaskj ", range.body());
        }
    }
}
