package dev.flaskj.templating;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.thymeleaf.web.IWebSession;

/**
 * The Flask session as templates see it: under {@code session} in a plain context, and as the web exchange's
 * session in a servlet web context, where Thymeleaf reserves {@code session} for it. The session is opened on
 * first use only, so a template that never mentions it neither reads the cookie nor adds {@code Vary: Cookie}.
 */
final class SessionView extends AbstractMap<String, Object> implements IWebSession {
    private final Supplier<? extends Map<String, Object>> opener;
    private Map<String, Object> session;

    SessionView(Supplier<? extends Map<String, Object>> opener) {
        this.opener = opener;
    }

    private Map<String, Object> session() {
        if (session == null) {
            session = opener.get();
        }
        return session;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return session().entrySet();
    }

    @Override
    public Object get(Object key) {
        return session().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return session().containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        return session().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return session().remove(key);
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public boolean containsAttribute(String name) {
        return containsKey(name);
    }

    @Override
    public int getAttributeCount() {
        return size();
    }

    @Override
    public Set<String> getAllAttributeNames() {
        return Set.copyOf(keySet());
    }

    @Override
    public Map<String, Object> getAttributeMap() {
        return this;
    }

    @Override
    public Object getAttributeValue(String name) {
        return get(name);
    }

    @Override
    public void setAttributeValue(String name, Object value) {
        put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        remove(name);
    }
}
