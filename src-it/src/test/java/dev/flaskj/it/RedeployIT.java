package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Flaskr keeps its posts in a file under FLASKR_DATA_DIR, so undeploying and deploying the WAR again loses nothing;
 * with a configured SECRET_KEY the users stay logged in too.
 */
class RedeployIT {
    private static final String FLASKR = "/myapplication/flaskr";

    /** The example WAR, unpacked, with FLASKR_DATA_DIR and SECRET_KEY set as context-params in its web.xml. */
    private static Path configuredWebapp(Path dataDir) throws Exception {
        Path webapp = Containers.explode(Containers.exampleWar(), "redeploy");
        Path webXml = webapp.resolve("WEB-INF/web.xml");
        String params = "<context-param><param-name>FLASKR_DATA_DIR</param-name><param-value>" + dataDir
                + "</param-value></context-param>\n"
                + "  <context-param><param-name>SECRET_KEY</param-name><param-value>redeploy-test</param-value>"
                + "</context-param>\n";
        String xml = Files.readString(webXml);
        int at = xml.indexOf("</display-name>") + "</display-name>".length();
        Files.writeString(webXml, xml.substring(0, at) + "\n  " + params + xml.substring(at));
        return webapp;
    }

    @Test
    void postsSurviveUndeployAndDeploy() throws Exception {
        Path dataDir = Containers.workDir("redeploy-data");
        Path webapp = configuredWebapp(dataDir);
        String title = FlaskrIT.uniqueName("kept");
        CookieClient first;
        try (TestServer server = Containers.deploy(webapp, "redeploy-1")) {
            first = new CookieClient(server);
            FlaskrIT.registerAndLogIn(first, FlaskrIT.uniqueName("erin"));
            FlaskrIT.createPost(first, title, "still here after a redeploy");
        }
        assertTrue(Files.exists(dataDir.resolve("flaskr.mv.db")), "the database is a file in FLASKR_DATA_DIR");

        try (TestServer server = Containers.deploy(webapp, "redeploy-2")) {
            String index = new CookieClient(server).get(FLASKR + "/").body();
            assertTrue(index.contains("<h2 class=\"title\">" + title + "</h2>"), index);
            assertTrue(index.contains("still here after a redeploy"), index);
            // the new server is on another port; the old session cookie, sent there, still logs the user in
            String cookie = first.cookieHeader();
            assertEquals(200, Http.send(new CookieClient(server).request(FLASKR + "/create").header("Cookie", cookie))
                    .statusCode(), "the session signed before the redeploy is still valid");
        }
    }
}
