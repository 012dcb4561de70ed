package dev.flaskj.templating;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.web.IWebApplication;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.IWebRequest;
import org.thymeleaf.web.IWebSession;

/**
 * Thymeleaf's servlet exchange with one change: its session is the Flask session, so {@code ${session.user}}
 * reads what {@code session().put("user", ...)} stored (java-peers.md §5.1: Thymeleaf reserves {@code session}
 * for the exchange's session). Everything else, links and {@code encodeURL} included, is the container's.
 */
final class FlaskWebExchange implements IWebExchange {
    private final IWebExchange delegate;
    private final SessionView session;

    FlaskWebExchange(IWebExchange delegate, SessionView session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public IWebRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public IWebSession getSession() {
        return session;
    }

    @Override
    public boolean hasSession() {
        return true;
    }

    @Override
    public IWebApplication getApplication() {
        return delegate.getApplication();
    }

    @Override
    public Principal getPrincipal() {
        return delegate.getPrincipal();
    }

    @Override
    public Locale getLocale() {
        return delegate.getLocale();
    }

    @Override
    public String getContentType() {
        return delegate.getContentType();
    }

    @Override
    public String getCharacterEncoding() {
        return delegate.getCharacterEncoding();
    }

    @Override
    public boolean containsAttribute(String name) {
        return delegate.containsAttribute(name);
    }

    @Override
    public int getAttributeCount() {
        return delegate.getAttributeCount();
    }

    @Override
    public Set<String> getAllAttributeNames() {
        return delegate.getAllAttributeNames();
    }

    @Override
    public Map<String, Object> getAttributeMap() {
        return delegate.getAttributeMap();
    }

    @Override
    public Object getAttributeValue(String name) {
        return delegate.getAttributeValue(name);
    }

    @Override
    public void setAttributeValue(String name, Object value) {
        delegate.setAttributeValue(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        delegate.removeAttribute(name);
    }

    @Override
    public String transformURL(String url) {
        return delegate.transformURL(url);
    }
}
