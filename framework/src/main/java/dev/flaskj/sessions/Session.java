package dev.flaskj.sessions;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The session of one request: a map that remembers whether it was read and whether it was changed
 * (Flask: {@code SessionMixin} / {@code SecureCookieSession}). Get it with {@code session()}.
 *
 * <pre>{@code
 * session().put("username", name);          // marks the session modified: the cookie is sent
 * session().setPermanent(true);              // survives browser restarts, for PERMANENT_SESSION_LIFETIME
 * List<Object> cart = (List<Object>) session().get("cart");
 * cart.add(item);
 * session().setModified(true);               // tracking is shallow, as in Flask
 * }</pre>
 * Any read (including {@code containsKey}, {@code size} and iteration) marks it accessed, which adds
 * {@code Vary: Cookie} to the response. Writes mark it modified exactly where Flask's session does:
 * {@code put} (even of the value already stored), {@code putAll} (even of an empty map), {@code clear} (even of an
 * empty session) and {@code Entry.setValue} always; {@code remove} and {@code putIfAbsent} only when they change
 * the data, so removing an absent key (an anonymous user logging out) sends no cookie.
 * Changing a list or map stored inside does not: call {@link #setModified(boolean)}.
 * Not thread-safe: one session belongs to one request.
 */
public class Session extends AbstractMap<String, Object> {
    /** The key Flask stores the permanent flag under. */
    public static final String PERMANENT_KEY = "_permanent";

    private final Map<String, Object> data;
    private final boolean isNew;
    private boolean modified;
    private boolean accessed;
    private boolean regenerate;

    /** A new, empty session. */
    public Session() {
        this(Map.of(), true);
    }

    /** A session holding {@code data} (copied); {@code isNew} tells whether no valid session came with the request. */
    public Session(Map<String, ?> data, boolean isNew) {
        this.data = new LinkedHashMap<>(data);
        this.isNew = isNew;
    }

    /** Whether the request brought no valid session (no cookie, or one that failed verification). */
    public boolean isNew() {
        return isNew;
    }

    /** Whether the session was changed during the request (shallow: top-level writes only). */
    public boolean isModified() {
        return modified;
    }

    /** Marks the session as changed (or not), e.g. after mutating a stored list. */
    public void setModified(boolean modified) {
        this.modified = modified;
    }

    /** Whether the session was read or written during the request. */
    public boolean isAccessed() {
        return accessed;
    }

    /** Whether the session lasts {@code PERMANENT_SESSION_LIFETIME} instead of the browser session. */
    public boolean isPermanent() {
        return Boolean.TRUE.equals(get(PERMANENT_KEY));
    }

    /** Makes the session permanent (stored as {@code _permanent}, as Flask does) or not. */
    public void setPermanent(boolean permanent) {
        put(PERMANENT_KEY, permanent);
    }

    /**
     * Asks for a new session id at the end of this request, keeping the data: call it whenever the user's privileges
     * change (log in, log out, switch to an admin role), so that an id someone else learned or planted before that
     * point is worthless afterwards (session fixation).
     *
     * <p>With the container session ({@code SESSION_INTERFACE = "container"}) the {@code HttpSession} gets a new id
     * through {@code HttpServletRequest.changeSessionId()} and the container sends the new {@code JSESSIONID}; the
     * id also changes by itself when a session first gains data. With the default signed-cookie session this does
     * nothing: the cookie is the whole session and there is no server-side id to fix or steal separately (a fresh
     * cookie is sent whenever the session changes); call {@link #clear()} to forget the data instead.
     */
    public void regenerate() {
        regenerate = true;
    }

    /** Whether {@link #regenerate()} was called during this request; for session interfaces. */
    public boolean isRegenerateRequested() {
        return regenerate;
    }

    /** A copy of the data without marking the session accessed: what the session interface saves. */
    public Map<String, Object> snapshot() {
        return new LinkedHashMap<>(data);
    }

    /** Whether the data is empty, without marking the session accessed. */
    public boolean isEmptyUntracked() {
        return data.isEmpty();
    }

    void touch() {
        accessed = true;
    }

    void change() {
        accessed = true;
        modified = true;
    }

    @Override
    public Object get(Object key) {
        touch();
        return data.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        touch();
        return data.containsKey(key);
    }

    @Override
    public int size() {
        touch();
        return data.size();
    }

    @Override
    public Object put(String key, Object value) {
        change();
        return data.put(key, value);
    }

    /** Removes {@code key}; marks the session modified only when the key was there (Flask: {@code pop}). */
    @Override
    public Object remove(Object key) {
        touch();
        if (!data.containsKey(key)) {
            return null;
        }
        change();
        return data.remove(key);
    }

    /** Adds every mapping; marks the session modified even for an empty map (Flask: {@code update}). */
    @Override
    public void putAll(Map<? extends String, ?> m) {
        change();
        data.putAll(m);
    }

    @Override
    public void clear() {
        change();
        data.clear();
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        touch();
        if (!data.containsKey(key)) {
            return put(key, value);
        }
        return data.get(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        touch();
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> it = data.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, Object> e = it.next();
                        // setValue writes through to the data, so it is a write like put (and replaceAll uses it).
                        return new Entry<>() {
                            @Override
                            public String getKey() {
                                return e.getKey();
                            }

                            @Override
                            public Object getValue() {
                                return e.getValue();
                            }

                            @Override
                            public Object setValue(Object value) {
                                change();
                                return e.setValue(value);
                            }

                            @Override
                            public boolean equals(Object o) {
                                return e.equals(o);
                            }

                            @Override
                            public int hashCode() {
                                return e.hashCode();
                            }

                            @Override
                            public String toString() {
                                return e.toString();
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        change();
                        it.remove();
                    }
                };
            }

            @Override
            public int size() {
                return data.size();
            }
        };
    }
}
