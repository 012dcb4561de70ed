package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** The app's static folder and URL path are configurable (Flask: {@code static_folder}, {@code static_url_path}). */
class StaticFolderConfigTest {

    public static class Assets extends Flask {
        public Assets() {
            setStaticUrlPath("/assets/");
            addUrlRule("/", "i", args -> urlFor("static", "filename", "style.css"));
        }
    }

    @Test
    void urlPathMovesTheRuleAndUrlForFollows() {
        TestClient client = new Assets().testClient();
        assertEquals("/assets/style.css", client.get("/").text());
        TestResponse r = client.get("/assets/twenty.txt");
        assertEquals(200, r.status());
        assertEquals(new Flask("d").testClient().get("/static/twenty.txt").text(), r.text());
        assertEquals(404, client.get("/static/twenty.txt").status());
        // the same rules as before: conditional requests
        String etag = r.header("ETag");
        assertEquals(304, client.get("/assets/twenty.txt", q -> q.header("If-None-Match", etag)).status());
    }

    public static class Folder extends Flask {
        public Folder() {
            setStaticFolder("web/assets");
        }
    }

    // Flask: Flask("x", static_folder="web/assets") serves /assets/<path:filename> from that folder
    @Test
    void folderMovesTheFilesAndDerivesTheUrlPath() {
        Folder app = new Folder();
        assertEquals("/assets", app.staticUrlPath());
        TestClient client = app.testClient();
        assertEquals("asset file\n", client.get("/assets/app.txt").text());
        assertEquals(404, client.get("/assets/style.css").status()); // the old folder is not served
        assertEquals(404, client.get("/assets/../static/style.css").status());
        assertEquals(404, client.get("/static/app.txt").status());
    }

    public static class Both extends Flask {
        public Both() {
            setStaticFolder("web/assets");
            setStaticUrlPath("");
        }
    }

    @Test
    void emptyUrlPathServesFromTheRoot() {
        TestClient client = new Both().testClient();
        assertEquals("asset file\n", client.get("/app.txt").text());
    }

    public static class NoStatic extends Flask {
        public NoStatic() {
            setStaticFolder(null);
        }
    }

    @Test
    void noFolderNoRoute() {
        NoStatic app = new NoStatic();
        assertNull(app.staticUrlPath());
        assertTrue(app.urlMap().rules("static").isEmpty());
        assertEquals(404, app.testClient().get("/static/style.css").status());
    }

    @Test
    void folderMustStayInsideTheWebappRoot() {
        Flask app = new Flask("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.setStaticFolder("../x"));
        assertTrue(e.getMessage().contains("must be a relative path inside the webapp root"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> app.setStaticFolder("/etc"));
    }

    @Test
    void defaultIsStatic() {
        Flask app = new Flask("t");
        assertEquals("/static", app.staticUrlPath());
        assertEquals("static", app.staticFolder());
        assertEquals(200, app.testClient().get("/static/style.css").status());
    }
}
