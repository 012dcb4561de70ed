package dev.flaskj.sessions;

import dev.flaskj.Flask;
import dev.flaskj.Request;
import dev.flaskj.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the session in the servlet container's {@code HttpSession}, for server-side state and the container's own
 * session management and replication (config {@code SESSION_INTERFACE = "container"}).
 *
 * <p>Each session key is one {@code HttpSession} attribute (values must be {@code Serializable} for replication).
 * The container's cookie ({@code JSESSIONID}) carries the id; {@code SESSION_COOKIE_*} settings do not apply, use the
 * container's {@code <session-config>}. A permanent session gets {@code PERMANENT_SESSION_LIFETIME} as its maximum
 * inactive interval. Emptying the session invalidates the {@code HttpSession}. No {@code SECRET_KEY} is needed.
 *
 * <p>Against session fixation the id changes ({@code changeSessionId()}, the container sends the new
 * {@code JSESSIONID}) when a session first gains data, and whenever a view calls {@link Session#regenerate()}, which
 * it should at every change of privileges (log in, log out). Keep the id out of URLs with
 * {@code <tracking-mode>COOKIE</tracking-mode>} in {@code web.xml}'s {@code <session-config>}.
 */
public class HttpSessionInterface extends SessionInterface {
    @Override
    public Session openSession(Flask app, Request request) {
        HttpSession hs = request.servletRequest().getSession(false);
        if (hs == null) {
            return new Session();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String name : Collections.list(hs.getAttributeNames())) {
            data.put(name, hs.getAttribute(name));
        }
        return new Session(data, false);
    }

    @Override
    public void saveSession(Flask app, Session session, Request request, Response response) {
        if (session.isAccessed()) {
            addVaryCookie(response);
        }
        HttpServletRequest sr = request.servletRequest();
        if (!session.isModified()) {
            if (session.isRegenerateRequested() && sr.getSession(false) != null) {
                sr.changeSessionId();
            }
            return;
        }
        HttpSession existing = sr.getSession(false);
        if (session.isEmptyUntracked()) {
            if (existing != null) {
                existing.invalidate();
            }
            return;
        }
        HttpSession hs = existing != null ? existing : sr.getSession(true);
        // An id that existed while the session held nothing may have been planted or learned by someone else; the
        // moment it first holds data (typically a login) it must change. A new HttpSession normally has a fresh id,
        // but a container may reuse the id the client asked for (e.g. one it knows from another context).
        boolean rotate = session.isRegenerateRequested()
                || (existing != null ? !hs.getAttributeNames().hasMoreElements()
                        : hs.getId().equals(sr.getRequestedSessionId()));
        Map<String, Object> data = session.snapshot();
        for (String name : Collections.list(hs.getAttributeNames())) {
            if (!data.containsKey(name)) {
                hs.removeAttribute(name);
            }
        }
        data.forEach(hs::setAttribute);
        if (session.isPermanent()) {
            hs.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, lifetime(app).getSeconds()));
        }
        if (rotate) {
            sr.changeSessionId();
        }
    }
}
