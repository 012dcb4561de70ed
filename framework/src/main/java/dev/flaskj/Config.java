package dev.flaskj;

import dev.flaskj.json.CompactJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's configuration: a mutable map with Flask's key names and defaults (Flask: {@code app.config}).
 *
 * <pre>{@code
 * app.config().put("SECRET_KEY", System.getenv("FLASK_SECRET_KEY"));
 * app.config().fromPrefixedEnv();                 // FLASK_MAX_CONTENT_LENGTH=16777216 -> MAX_CONTENT_LENGTH
 * long limit = app.config().getLong("MAX_CONTENT_LENGTH", -1);
 * }</pre>
 * Values may be null, as Flask's {@code None}. The map is safe to read from request threads while it is changed
 * (tests change {@code SECRET_KEY} between requests); the framework reads values per request.
 *
 * <p>Defaults (Flask 3.1): {@code DEBUG=false, TESTING=false, PROPAGATE_EXCEPTIONS=null,
 * TRAP_HTTP_EXCEPTIONS=false, TRAP_BAD_REQUEST_ERRORS=null, SECRET_KEY=null, SECRET_KEY_FALLBACKS=null,
 * SESSION_COOKIE_NAME="session", SESSION_COOKIE_DOMAIN=null, SESSION_COOKIE_PATH=null,
 * SESSION_COOKIE_HTTPONLY=true, SESSION_COOKIE_SECURE=false, SESSION_COOKIE_SAMESITE=null,
 * SESSION_COOKIE_PARTITIONED=false, PERMANENT_SESSION_LIFETIME=Duration.ofDays(31),
 * SESSION_REFRESH_EACH_REQUEST=true, SEND_FILE_MAX_AGE_DEFAULT=null, SERVER_NAME=null, APPLICATION_ROOT="/",
 * PREFERRED_URL_SCHEME="http", MAX_CONTENT_LENGTH=null, MAX_FORM_MEMORY_SIZE=500000, MAX_FORM_PARTS=1000,
 * MAX_COOKIE_SIZE=4093, TEMPLATES_AUTO_RELOAD=null, PROVIDE_AUTOMATIC_OPTIONS=true, TRUSTED_HOSTS=null}</code>,
 * plus flaskj's {@code SESSION_INTERFACE="cookie"} ({@code "container"} keeps the session in the servlet
 * container's {@code HttpSession}) and {@code MAX_BODY_MEMORY_SIZE=1000000} (the most bytes of a body held in memory:
 * {@code request.data()}/{@code json()}, or all the text fields of one multipart form; null for no limit), and
 * {@code ASYNC_TIMEOUT=30} (seconds a view's {@code CompletionStage} may take before the request is answered 503;
 * fractions or a {@code Duration} allowed).
 */
public final class Config extends AbstractMap<String, Object> {
    // ConcurrentHashMap refuses nulls; Flask's config is full of None.
    private static final Object NULL = new Object();

    private final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();

    Config() {
        put("DEBUG", false);
        put("TESTING", false);
        put("PROPAGATE_EXCEPTIONS", null);
        put("TRAP_HTTP_EXCEPTIONS", false);
        put("TRAP_BAD_REQUEST_ERRORS", null);
        put("SECRET_KEY", null);
        put("SECRET_KEY_FALLBACKS", null);
        put("SESSION_INTERFACE", "cookie");
        put("SESSION_COOKIE_NAME", "session");
        put("SESSION_COOKIE_DOMAIN", null);
        put("SESSION_COOKIE_PATH", null);
        put("SESSION_COOKIE_HTTPONLY", true);
        put("SESSION_COOKIE_SECURE", false);
        put("SESSION_COOKIE_SAMESITE", null);
        put("SESSION_COOKIE_PARTITIONED", false);
        put("PERMANENT_SESSION_LIFETIME", Duration.ofDays(31));
        put("SESSION_REFRESH_EACH_REQUEST", true);
        put("USE_X_SENDFILE", false);
        put("SEND_FILE_MAX_AGE_DEFAULT", null);
        put("SERVER_NAME", null);
        put("APPLICATION_ROOT", "/");
        put("PREFERRED_URL_SCHEME", "http");
        put("MAX_CONTENT_LENGTH", null);
        put("MAX_FORM_MEMORY_SIZE", 500_000);
        put("MAX_FORM_PARTS", 1000);
        put("MAX_BODY_MEMORY_SIZE", 1_000_000);
        put("MAX_COOKIE_SIZE", 4093);
        put("TEMPLATES_AUTO_RELOAD", null);
        put("EXPLAIN_TEMPLATE_LOADING", false);
        put("PROVIDE_AUTOMATIC_OPTIONS", true);
        put("TRUSTED_HOSTS", null);
        put("ASYNC_TIMEOUT", 30);
    }

    @Override
    public Object get(Object key) {
        Object v = values.get(key);
        return v == NULL ? null : v;
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        Object old = values.put(key, value == null ? NULL : value);
        return old == NULL ? null : old;
    }

    @Override
    public Object remove(Object key) {
        Object old = values.remove(key);
        return old == NULL ? null : old;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> it = values.entrySet().iterator();
                return new Iterator<>() {
                    private String last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, Object> e = it.next();
                        last = e.getKey();
                        return new SimpleImmutableEntry<>(e.getKey(), e.getValue() == NULL ? null : e.getValue());
                    }

                    @Override
                    public void remove() {
                        values.remove(last);
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    /** The value as a boolean: Boolean as is, strings {@code true/1/yes/on} are true; null or absent gives {@code dflt}. */
    public boolean getBoolean(String key, boolean dflt) {
        Object v = get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return parseBoolean(v.toString());
    }

    /** The value as a tri-state flag (Flask's {@code None} = "decide from DEBUG/TESTING"): null when unset. */
    public Boolean getFlag(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        return v instanceof Boolean b ? b : parseBoolean(v.toString());
    }

    /** The value as a long: any Number, or a decimal string; null or absent gives {@code dflt}. */
    public long getLong(String key, long dflt) {
        Object v = get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("config " + key + "=" + v + " is not a whole number", e);
        }
    }

    /** The value as a string (via {@code toString}), or {@code dflt} when null or absent. */
    public String getString(String key, String dflt) {
        Object v = get(key);
        return v == null ? dflt : v.toString();
    }

    /**
     * The value as a duration: a {@link Duration}, or a number of seconds (Flask accepts an int for
     * {@code PERMANENT_SESSION_LIFETIME} and {@code SEND_FILE_MAX_AGE_DEFAULT}); null or absent gives null.
     */
    public Duration getDuration(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Number n) {
            return Duration.ofSeconds(n.longValue());
        }
        return Duration.ofSeconds(Long.parseLong(v.toString().trim()));
    }

    /**
     * A flag as Flask reads {@code FLASK_DEBUG} ({@code get_debug_flag}): anything but {@code ""}, {@code 0},
     * {@code false}, {@code no} and {@code off} (ignoring case and surrounding blanks) is true.
     */
    public static boolean parseBoolean(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return !(t.isEmpty() || t.equals("0") || t.equals("false") || t.equals("no") || t.equals("off"));
    }

    /**
     * Loads every environment variable starting with {@code FLASK_} with the prefix removed; values that parse as
     * JSON become JSON values, others stay strings (Flask: {@code config.from_prefixed_env()}).
     * A double underscore sets a key of a nested map, as in Flask.
     */
    public Config fromPrefixedEnv() {
        return fromPrefixedEnv("FLASK", System.getenv());
    }

    /** {@link #fromPrefixedEnv()} over an explicit environment, for tests and other prefixes. */
    @SuppressWarnings("unchecked")
    public Config fromPrefixedEnv(String prefix, Map<String, String> env) {
        String p = prefix + "_";
        env.keySet().stream().sorted().filter(k -> k.startsWith(p)).forEach(name -> {
            Object value = parseJsonOrString(env.get(name));
            String key = name.substring(p.length());
            if (!key.contains("__")) {
                put(key, value);
                return;
            }
            String[] parts = key.split("__");
            Map<String, Object> current = this;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = current.get(parts[i]);
                if (!(next instanceof Map)) {
                    next = new java.util.LinkedHashMap<String, Object>();
                    current.put(parts[i], next);
                }
                current = (Map<String, Object>) next;
            }
            current.put(parts[parts.length - 1], value);
        });
        return this;
    }

    /** A JSON value where {@code raw} parses as JSON, else {@code raw} itself (Flask's from_prefixed_env rule). */
    static Object parseJsonOrString(String raw) {
        try {
            return CompactJson.loads(raw);
        } catch (Exception e) {
            return raw;
        }
    }

    /**
     * Reads a config file into a map (Flask: the {@code load=} function of {@code config.from_file}), e.g.
     * {@code in -> (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(in)}; the stream is closed for it.
     */
    @FunctionalInterface
    public interface Loader {
        /**
         * The file's keys and values; only the upper-case keys are kept. An {@code IOException} or unchecked
         * exception reaches the caller as it is; any other is wrapped in an {@link IllegalArgumentException}.
         */
        Map<String, ?> load(InputStream in) throws Exception;
    }

    /**
     * Loads the upper-case keys of a {@code .properties} file (values parsed as JSON where they parse) or of a
     * {@code .json} file's top-level object (Flask: {@code config.from_file}).
     *
     * @throws IOException if the file cannot be read (a missing file's message starts with
     *     {@code Unable to load configuration file}); {@link IllegalArgumentException} if a JSON file is malformed
     */
    public Config fromFile(Path file) throws IOException {
        load(file, defaultLoader(file), false);
        return this;
    }

    /**
     * Loads {@code path} (relative to the working directory) with {@code load}, keeping the upper-case keys
     * (Flask: {@code config.from_file(filename, load, silent)}).
     * <pre>{@code
     * app.config().fromFile("config.json", in -> (Map<String, Object>) CompactJson.loads(new String(in.readAllBytes(), UTF_8)), false);
     * }</pre>
     *
     * @param silent return false instead of failing when the file does not exist or is a directory
     * @return true when the file was loaded
     * @throws IOException when the file cannot be read and not {@code silent}, or {@code load} fails
     */
    public boolean fromFile(String path, Loader load, boolean silent) throws IOException {
        Objects.requireNonNull(load, "load == null");
        return load(Path.of(Objects.requireNonNull(path, "path == null")), load, silent);
    }

    /**
     * Loads the file that the environment variable {@code variable} names, as {@link #fromFile(Path)} does
     * ({@code .json} or {@code .properties}) (Flask: {@code config.from_envvar}).
     * <pre>{@code
     * app.config().fromEnvvar("YOURAPPLICATION_SETTINGS", true);
     * }</pre>
     *
     * @param silent return false instead of failing when the variable is unset or empty, or the file is missing
     * @return true when a file was loaded
     * @throws IllegalStateException when the variable is unset or empty and not {@code silent}, with Flask's message
     * @throws IOException when the file cannot be read and not {@code silent}
     */
    public boolean fromEnvvar(String variable, boolean silent) throws IOException {
        return fromEnvvar(variable, silent, System.getenv());
    }

    boolean fromEnvvar(String variable, boolean silent, Map<String, String> env) throws IOException {
        String file = env.get(Objects.requireNonNull(variable, "variable == null"));
        if (file == null || file.isEmpty()) {
            if (silent) {
                return false;
            }
            throw new IllegalStateException("The environment variable '" + variable + "' is not set and as such"
                    + " configuration could not be loaded. Set this variable and make it point to a configuration"
                    + " file");
        }
        Path path = Path.of(file);
        return load(path, defaultLoader(path), silent);
    }

    private boolean load(Path file, Loader load, boolean silent) throws IOException {
        Path abs = file.toAbsolutePath();
        if (!Files.exists(abs) || Files.isDirectory(abs)) {
            if (silent) {
                return false;
            }
            String reason = Files.isDirectory(abs) ? "Is a directory" : "No such file or directory";
            throw new FileNotFoundException("Unable to load configuration file (" + reason + "): '" + abs + "'");
        }
        Map<String, ?> loaded;
        try (InputStream in = Files.newInputStream(abs)) {
            loaded = load.load(in);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("config file " + abs + " could not be loaded: " + e.getMessage(), e);
        }
        if (loaded != null) {
            fromMapping(loaded);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Loader defaultLoader(Path file) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(".json")) {
            return in -> {
                Object parsed;
                try {
                    parsed = CompactJson.loads(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalArgumentException("config file " + file + " is not valid JSON: "
                            + e.getMessage(), e);
                }
                if (!(parsed instanceof Map)) {
                    throw new IllegalArgumentException("config file " + file + " must hold a JSON object");
                }
                return (Map<String, Object>) parsed;
            };
        }
        return in -> {
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Object> out = new LinkedHashMap<>();
            props.stringPropertyNames().forEach(k -> out.put(k, parseJsonOrString(props.getProperty(k))));
            return out;
        };
    }

    /**
     * Copies the upper-case fields of a settings class or object (Flask: {@code config.from_object}): for a
     * {@code Class}, its static fields and those of its superclasses; for any other object, its fields, static or
     * not, including inherited ones; a {@code String} names a class to load. Only names that Python would call
     * upper case are read ({@code SECRET_KEY}, {@code DB_2}; not {@code secretKey} or {@code serialVersionUID}).
     * <pre>{@code
     * public class DefaultSettings { public static final boolean DEBUG = false; public static final String DATABASE = "app.db"; }
     * app.config().fromObject(DefaultSettings.class);
     * }</pre>
     *
     * @throws IllegalArgumentException when a named class does not exist or a field cannot be read
     */
    public Config fromObject(Object settings) {
        Objects.requireNonNull(settings, "settings == null");
        Object target = settings;
        if (settings instanceof String className) {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                target = Class.forName(className, true, loader != null ? loader : Config.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("import_string() failed for '" + className + "': no such class",
                        e);
            }
        }
        boolean staticOnly = target instanceof Class<?>;
        Class<?> type = staticOnly ? (Class<?>) target : target.getClass();
        // Superclasses first, so that a subclass's field of the same name wins, as Python's attribute lookup does.
        java.util.List<Class<?>> chain = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (f.isSynthetic() || !isUpper(f.getName()) || (staticOnly && !isStatic)) {
                    continue;
                }
                try {
                    if (!f.canAccess(isStatic ? null : target)) {
                        f.setAccessible(true);
                    }
                    put(f.getName(), f.get(isStatic ? null : target));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read config field " + c.getName() + "." + f.getName()
                            + ": " + e.getMessage(), e);
                }
            }
        }
        return this;
    }

    /**
     * The options whose keys start with {@code prefix} (Flask: {@code config.get_namespace}), e.g. for
     * {@code IMAGE_STORE_TYPE} and {@code IMAGE_STORE_PATH}, {@code getNamespace("IMAGE_STORE_", true, true)} gives
     * {@code {type=..., path=...}}; keys in sorted order.
     *
     * @param lowercase lower-case the resulting keys
     * @param trimNamespace drop the prefix from the resulting keys
     * @return a new mutable map; changing it leaves the config as it is
     */
    public Map<String, Object> getNamespace(String prefix, boolean lowercase, boolean trimNamespace) {
        Objects.requireNonNull(prefix, "prefix == null");
        Map<String, Object> out = new LinkedHashMap<>();
        new java.util.TreeMap<>(this).forEach((k, v) -> {
            if (!k.startsWith(prefix)) {
                return;
            }
            String key = trimNamespace ? k.substring(prefix.length()) : k;
            out.put(lowercase ? key.toLowerCase(Locale.ROOT) : key, v);
        });
        return out;
    }

    /** {@link #getNamespace(String, boolean, boolean)} with lower-case, trimmed keys (Flask's defaults). */
    public Map<String, Object> getNamespace(String prefix) {
        return getNamespace(prefix, true, true);
    }

    /** Python's {@code str.isupper()}: some cased character, none lower case. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    /** Copies the upper-case keys of {@code mapping} (Flask: {@code config.from_mapping}). */
    public Config fromMapping(Map<String, ?> mapping) {
        mapping.forEach((k, v) -> {
            if (isUpper(k)) {
                put(k, v);
            }
        });
        return this;
    }
}
