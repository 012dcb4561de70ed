package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.json.CompactJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Config.fromObject}, {@code fromEnvvar}, {@code fromFile(path, load, silent)} and {@code getNamespace}:
 * cases ported from Flask's tests/test_config.py (named on each test), messages as Flask 3.1 prints them.
 */
class ConfigLoadersTest {
    @TempDir
    Path tmp;

    /** Flask's common_object_test: SECRET_KEY and TEST_KEY loaded, the settings' own name not. */
    private static void commonObjectTest(Config c) {
        assertEquals("config", c.get("SECRET_KEY"));
        assertEquals("foo", c.get("TEST_KEY"));
        assertFalse(c.containsKey("TestConfig"));
    }

    public static class Base {
        public static final String TEST_KEY = "foo";
        static final String lower = "no";
    }

    public static class TestConfig extends Base {
        public static final String SECRET_KEY = "config";
        private static final long serialVersionUID = 1L;
        public String INSTANCE_ONLY = "instance";
    }

    /** Flask test_config_from_class: a class's upper-case attributes, inherited ones included. */
    @Test
    void fromClass() {
        Config c = new Flask("c").config().fromObject(TestConfig.class);
        commonObjectTest(c);
        assertFalse(c.containsKey("lower"));
        assertFalse(c.containsKey("serialVersionUID"));
        assertFalse(c.containsKey("INSTANCE_ONLY"), "a class gives its static fields only");
    }

    /** Flask test_config_from_object: an object gives its fields too, and a String names a class. */
    @Test
    void fromObjectInstanceAndName() {
        Config c = new Flask("c").config().fromObject(new TestConfig());
        commonObjectTest(c);
        assertEquals("instance", c.get("INSTANCE_ONLY"));
        Config named = new Flask("c").config().fromObject(TestConfig.class.getName());
        commonObjectTest(named);
        assertThrows(IllegalArgumentException.class, () -> new Flask("c").config().fromObject("no.such.Settings"));
    }

    public static class Overrides extends Base {
        public static final String TEST_KEY = "bar";
        public static final String DB_2 = "second";
    }

    /** A subclass's attribute of the same name wins, as in Python's lookup; digits keep a name upper case. */
    @Test
    void subclassWins() {
        Config c = new Flask("c").config().fromObject(Overrides.class);
        assertEquals("bar", c.get("TEST_KEY"));
        assertEquals("second", c.get("DB_2"));
    }

    /** Flask test_config_from_mapping: only upper-case keys (Python's isupper). */
    @Test
    void fromMappingKeepsUpperCaseOnly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SECRET_KEY", "config");
        m.put("TEST_KEY", "foo");
        m.put("lower", 1);
        m.put("123", 2);
        Config c = new Flask("c").config().fromMapping(m);
        commonObjectTest(c);
        assertFalse(c.containsKey("lower"));
        assertFalse(c.containsKey("123"));
    }

    /** Flask test_config_from_envvar: unset is Flask's error or false when silent; set loads the file. */
    @Test
    void fromEnvvar() throws IOException {
        Config c = new Flask("c").config();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.fromEnvvar("FOO_SETTINGS", false, Map.of()));
        assertEquals("The environment variable 'FOO_SETTINGS' is not set and as such configuration could not be"
                + " loaded. Set this variable and make it point to a configuration file", e.getMessage());
        assertFalse(c.fromEnvvar("FOO_SETTINGS", true, Map.of()));
        assertFalse(c.fromEnvvar("FOO_SETTINGS", true, Map.of("FOO_SETTINGS", "")));
        Path props = tmp.resolve("settings.properties");
        Files.writeString(props, "SECRET_KEY=config\nTEST_KEY=foo\nlower=x\n");
        assertTrue(c.fromEnvvar("FOO_SETTINGS", false, Map.of("FOO_SETTINGS", props.toString())));
        commonObjectTest(c);
        assertFalse(c.containsKey("lower"));
        Path json = Files.writeString(tmp.resolve("s.json"), "{\"MAX_FORM_PARTS\": 7}");
        assertTrue(c.fromEnvvar("FOO_SETTINGS", false, Map.of("FOO_SETTINGS", json.toString())));
        assertEquals(7, ((Number) c.get("MAX_FORM_PARTS")).intValue());
    }

    /** Flask test_config_from_envvar_missing: a missing file names itself; silent gives false. */
    @Test
    void fromEnvvarMissingFile() {
        Config c = new Flask("c").config();
        Map<String, String> env = Map.of("FOO_SETTINGS", "missing.cfg");
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> c.fromEnvvar("FOO_SETTINGS", false, env));
        assertTrue(e.getMessage().startsWith("Unable to load configuration file (No such file or directory):"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("missing.cfg'"), e.getMessage());
        assertFalse(assertDoesNotThrowBoolean(() -> c.fromEnvvar("FOO_SETTINGS", true, env)));
    }

    /** Flask test_config_from_file_json: {@code from_file(path, load=json.load)}. */
    @Test
    void fromFileWithLoader() throws IOException {
        Path json = Files.writeString(tmp.resolve("config.json"), "{\"SECRET_KEY\": \"config\", \"TEST_KEY\": \"foo\","
                + " \"lower\": 1}");
        Config c = new Flask("c").config();
        @SuppressWarnings("unchecked")
        Config.Loader jsonLoad = in -> (Map<String, Object>) CompactJson.loads(
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(c.fromFile(json.toString(), jsonLoad, false));
        commonObjectTest(c);
        assertFalse(c.containsKey("lower"));
    }

    /** Flask test_config_from_file_toml's pattern with another format: any loader returning a map. */
    @Test
    void fromFileWithAPropertiesLoader() throws IOException {
        Path file = Files.writeString(tmp.resolve("app.conf"), "SECRET_KEY = config\nTEST_KEY: foo\n");
        Config c = new Flask("c").config();
        assertTrue(c.fromFile(file.toString(), in -> {
            Properties p = new Properties();
            p.load(in);
            Map<String, Object> m = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return m;
        }, false));
        commonObjectTest(c);
    }

    /** Flask test_config_missing_json: a missing file fails with Flask's message, or false when silent. */
    @Test
    void fromFileMissing() {
        Config c = new Flask("c").config();
        Config.Loader never = in -> {
            throw new AssertionError("not called");
        };
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> c.fromFile("missing.json", never, false));
        assertTrue(e.getMessage().startsWith("Unable to load configuration file (No such file or directory):"));
        assertTrue(e.getMessage().endsWith("missing.json'"));
        assertFalse(assertDoesNotThrowBoolean(() -> c.fromFile("missing.json", never, true)));
        assertFalse(assertDoesNotThrowBoolean(() -> c.fromFile(tmp.toString(), never, true)), "a directory");
        assertThrows(NullPointerException.class, () -> c.fromFile("x.json", null, true));
    }

    /** Flask test_get_namespace: the four combinations of lowercase and trim_namespace. */
    @Test
    void getNamespace() {
        Config c = new Flask("c").config();
        c.put("FOO_OPTION_1", "foo option 1");
        c.put("FOO_OPTION_2", "foo option 2");
        c.put("BAR_STUFF_1", "bar stuff 1");
        c.put("BAR_STUFF_2", "bar stuff 2");
        assertEquals(Map.of("option_1", "foo option 1", "option_2", "foo option 2"), c.getNamespace("FOO_"));
        assertEquals(Map.of("STUFF_1", "bar stuff 1", "STUFF_2", "bar stuff 2"),
                c.getNamespace("BAR_", false, true));
        assertEquals(Map.of("foo_option_1", "foo option 1", "foo_option_2", "foo option 2"),
                c.getNamespace("FOO_", true, false));
        assertEquals(Map.of("BAR_STUFF_1", "bar stuff 1", "BAR_STUFF_2", "bar stuff 2"),
                c.getNamespace("BAR_", false, false));
        Map<String, Object> ns = c.getNamespace("FOO_");
        ns.put("option_3", "x");
        assertNull(c.get("FOO_OPTION_3"), "the namespace is a copy");
        c.put("FOO_NULL", null);
        assertTrue(c.getNamespace("FOO_").containsKey("null"), "null values, as Flask's None, are kept");
    }

    @Test
    void pythonIsUpper() {
        assertTrue(Config.isUpper("_X"));
        assertTrue(Config.isUpper("X1"));
        assertFalse(Config.isUpper("123"));
        assertTrue(Config.isUpper("ÄB"));
        assertFalse(Config.isUpper("Xy"));
    }

    @FunctionalInterface
    private interface IoBoolean {
        boolean get() throws IOException;
    }

    private static boolean assertDoesNotThrowBoolean(IoBoolean f) {
        try {
            return f.get();
        } catch (IOException e) {
            throw new AssertionError("silent must not throw", e);
        }
    }
}
