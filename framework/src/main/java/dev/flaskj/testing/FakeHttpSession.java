package dev.flaskj.testing;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory {@link HttpSession}, as a container keeps one server-side: an id, attributes, creation and access
 * times, a maximum inactive interval, and invalidation. The test client keeps these sessions per client and sends
 * their id as the {@code JSESSIONID} cookie, so config {@code SESSION_INTERFACE = "container"} works under
 * {@code app.testClient()} as in a container. After {@link #invalidate()} every method but {@link #getId()},
 * {@link #getServletContext()} and the interval accessors throws {@link IllegalStateException}, as the servlet
 * specification requires. Not thread-safe (one client per test).
 */
public final class FakeHttpSession implements HttpSession {
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final long creationTime = System.currentTimeMillis();
    private final ServletContext servletContext;
    private String id;
    private long lastAccessedTime = creationTime;
    private int maxInactiveInterval = 30 * 60; // the servlet default, 30 minutes
    private boolean isNew = true;
    private boolean valid = true;

    FakeHttpSession(String id, ServletContext servletContext) {
        this.id = Objects.requireNonNull(id, "id == null");
        this.servletContext = servletContext;
    }

    /** Whether {@link #invalidate()} has not been called and the session has not expired. */
    public boolean isValid() {
        if (valid && maxInactiveInterval > 0
                && System.currentTimeMillis() - lastAccessedTime > maxInactiveInterval * 1000L) {
            valid = false;
        }
        return valid;
    }

    /** A later request joined this session: it is no longer new, and its access time is now. */
    void access() {
        isNew = false;
        lastAccessedTime = System.currentTimeMillis();
    }

    void setId(String id) {
        this.id = id;
    }

    private void requireValid(String method) {
        if (!isValid()) {
            throw new IllegalStateException(method + ": Session already invalidated");
        }
    }

    @Override
    public long getCreationTime() {
        requireValid("getCreationTime");
        return creationTime;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        requireValid("getLastAccessedTime");
        return lastAccessedTime;
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        this.maxInactiveInterval = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public Object getAttribute(String name) {
        requireValid("getAttribute");
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        requireValid("getAttributeNames");
        return Collections.enumeration(java.util.List.copyOf(attributes.keySet()));
    }

    /** Stores {@code value}; null removes the attribute, as the specification says. */
    @Override
    public void setAttribute(String name, Object value) {
        requireValid("setAttribute");
        Objects.requireNonNull(name, "name == null");
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        requireValid("removeAttribute");
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        requireValid("invalidate");
        valid = false;
        attributes.clear();
    }

    @Override
    public boolean isNew() {
        requireValid("isNew");
        return isNew;
    }

    @Override
    public String toString() {
        return "<FakeHttpSession " + id + (valid ? "" : " invalidated") + " " + attributes.keySet() + ">";
    }
}
