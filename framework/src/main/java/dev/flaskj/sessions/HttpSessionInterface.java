package dev.flaskj.sessions;

import dev.flaskj.Flask;
import dev.flaskj.Request;
import dev.flaskj.Response;
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
        if (!session.isModified()) {
            return;
        }
        HttpSession hs = request.servletRequest().getSession(!session.isEmptyUntracked());
        if (hs == null) {
            return;
        }
        if (session.isEmptyUntracked()) {
            hs.invalidate();
            return;
        }
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
    }
}
