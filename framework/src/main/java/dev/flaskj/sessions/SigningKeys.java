package dev.flaskj.sessions;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The keys that sign and verify sessions, read from config {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS}.
 *
 * <p>A usable key is a non-empty {@code String} (any {@code CharSequence}; its UTF-8 bytes are the key) or a
 * non-empty {@code byte[]}. Nothing else ever signs or verifies, because a key anyone can guess lets anyone forge a
 * session:
 * <ul>
 * <li>{@code SECRET_KEY} null, {@code ""} or an empty {@code byte[]}: there is no secret key; sessions are
 *     unavailable (reads see an empty session, writes fail with Flask's message), as in Flask.</li>
 * <li>{@code SECRET_KEY_FALLBACKS} null, {@code ""}, an empty {@code byte[]}, an empty collection or array: no
 *     fallbacks. Inside a collection or array, null and empty entries are skipped; one string or {@code byte[]}
 *     is one fallback key (Python would split a string into one key per character).</li>
 * <li>Any other type ({@code false} or {@code 123} from an environment variable or context-param, which are read
 *     as JSON; a map; an entry of another type in the fallbacks) is a configuration error: an
 *     {@link IllegalStateException} naming the key and the type, never the value. Deployment through
 *     {@code FlaskFilter} fails with it.</li>
 * </ul>
 */
public final class SigningKeys {
    private SigningKeys() {}

    /**
     * The keys of {@code config}: {@code SECRET_KEY} first, then the fallbacks in config order; an empty list when
     * there is no secret key (fallbacks are then not even checked for use, but still for their type).
     *
     * @throws IllegalStateException when a key has an unusable type
     */
    public static List<byte[]> fromConfig(Map<String, ?> config) {
        byte[] secret = key("SECRET_KEY", config.get("SECRET_KEY"));
        List<byte[]> fallbacks = fallbacks(config.get("SECRET_KEY_FALLBACKS"));
        if (secret == null) {
            return Collections.emptyList();
        }
        List<byte[]> keys = new ArrayList<>(1 + fallbacks.size());
        keys.add(secret);
        keys.addAll(fallbacks);
        return keys;
    }

    private static List<byte[]> fallbacks(Object value) {
        String name = "SECRET_KEY_FALLBACKS";
        if (value == null || value instanceof CharSequence || value instanceof byte[]) {
            byte[] one = key(name, value);
            return one == null ? List.of() : List.of(one);
        }
        List<byte[]> keys = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object entry : c) {
                addIfUsable(keys, name + "[" + i++ + "]", entry);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                addIfUsable(keys, name + "[" + i + "]", Array.get(value, i));
            }
        } else {
            throw unusable(name, value, " or a list of them");
        }
        return keys;
    }

    private static void addIfUsable(List<byte[]> keys, String name, Object entry) {
        byte[] key = key(name, entry);
        if (key != null) {
            keys.add(key);
        }
    }

    // null for "no key" (null or empty); the key bytes otherwise.
    private static byte[] key(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return b.length == 0 ? null : b.clone(); // a copy: changing the config's array later is a config change
        }
        if (value instanceof CharSequence s) {
            return s.length() == 0 ? null : s.toString().getBytes(StandardCharsets.UTF_8);
        }
        throw unusable(name, value, "");
    }

    private static IllegalStateException unusable(String name, Object value, String orList) {
        // The value itself is left out: it may be (part of) a secret.
        return new IllegalStateException("config " + name + " must be a non-empty String or byte[]" + orList
                + ", not " + value.getClass().getName() + ". A value from the environment (FLASK_"
                + (name.startsWith("SECRET_KEY_FALLBACKS") ? "SECRET_KEY_FALLBACKS" : name) + ") or a context-param is read as JSON when it parses as JSON: write a key"
                + " that looks like false, a number or a list as a JSON string, with double quotes.");
    }
}
