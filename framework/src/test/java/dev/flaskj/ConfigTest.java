package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flask's default config and the ways to load more. */
class ConfigTest {
    @Test
    void defaultsAreFlasks() {
        Config c = new Flask("cfg").config();
        assertEquals(false, c.get("DEBUG"));
        assertNull(c.get("SECRET_KEY"));
        assertTrue(c.containsKey("SECRET_KEY"));
        assertEquals("session", c.get("SESSION_COOKIE_NAME"));
        assertEquals(Duration.ofDays(31), c.get("PERMANENT_SESSION_LIFETIME"));
        assertEquals(500_000, c.get("MAX_FORM_MEMORY_SIZE"));
        assertEquals(1000, c.get("MAX_FORM_PARTS"));
        assertEquals(4093, c.get("MAX_COOKIE_SIZE"));
        assertEquals("/", c.get("APPLICATION_ROOT"));
        assertEquals("http", c.get("PREFERRED_URL_SCHEME"));
        assertNull(c.getFlag("PROPAGATE_EXCEPTIONS"));
    }

    @Test
    void prefixedEnvironmentParsesJsonValuesAndNestsOnDoubleUnderscores() {
        Config c = new Flask("cfg").config();
        c.fromPrefixedEnv("FLASK", Map.of("FLASK_SECRET_KEY", "s3cr3t", "FLASK_MAX_CONTENT_LENGTH", "1024",
                "FLASK_TESTING", "true", "FLASK_TRUSTED_HOSTS", "[\"a.example\"]", "FLASK_DB__HOST", "h",
                "OTHER", "x"));
        assertEquals("s3cr3t", c.get("SECRET_KEY"));
        assertEquals(1024, c.get("MAX_CONTENT_LENGTH"));
        assertEquals(true, c.get("TESTING"));
        assertEquals(List.of("a.example"), c.get("TRUSTED_HOSTS"));
        assertEquals(Map.of("HOST", "h"), c.get("DB"));
        assertNull(c.get("OTHER"));
    }

    @Test
    void propertiesAndJsonFilesLoadUpperCaseKeys(@TempDir Path dir) throws Exception {
        Path props = Files.writeString(dir.resolve("app.properties"), "SECRET_KEY=abc\nlower=ignored\nMAX_FORM_PARTS=5\n");
        Path json = Files.writeString(dir.resolve("app.json"), "{\"SERVER_NAME\": \"example.org\", \"x\": 1}");
        Config c = new Flask("cfg").config().fromFile(props).fromFile(json);
        assertEquals("abc", c.get("SECRET_KEY"));
        assertEquals(5, c.get("MAX_FORM_PARTS"));
        assertNull(c.get("lower"));
        assertEquals("example.org", c.get("SERVER_NAME"));
        assertNull(c.get("x"));
    }

    @Test
    void debugFlagParsesLikeFlask() {
        assertTrue(Config.parseBoolean("1"));
        assertTrue(Config.parseBoolean("yes"));
        assertEquals(false, Config.parseBoolean("0"));
        assertEquals(false, Config.parseBoolean("False"));
        assertEquals(false, Config.parseBoolean(""));
    }
}
