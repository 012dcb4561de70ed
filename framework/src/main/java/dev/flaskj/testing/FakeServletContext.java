package dev.flaskj.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * An in-memory {@link ServletContext}: context path, attributes, init parameters, MIME types for common
 * extensions, and resources read from an optional folder standing for the webapp root.
 *
 * <pre>{@code
 * FakeServletContext sc = new FakeServletContext("/myapplication")
 *         .withResourceBase(Path.of("src/main/webapp"));
 * sc.setInitParameter("flask.app", "com.example.Hello");
 * }</pre>
 * Registering servlets, filters or listeners, and JSP configuration, throw {@link UnsupportedOperationException}:
 * use {@link EmbeddedTomcat} for that. Log calls go to the JDK logger named after this class.
 */
public final class FakeServletContext implements ServletContext {
    private static final Logger LOG = Logger.getLogger(FakeServletContext.class.getName());

    // The types Tomcat's default web.xml gives the files a Flask app usually serves.
    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"), Map.entry("webp", "image/webp"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("wasm", "application/wasm"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("map", "application/json"));

    private final String contextPath;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, String> initParameters = new LinkedHashMap<>();
    private Path resourceBase;

    /** A context at the root path {@code ""}, without resources. */
    public FakeServletContext() {
        this("");
    }

    /** A context at {@code contextPath} ({@code ""} or e.g. {@code /myapplication}), without resources. */
    public FakeServletContext(String contextPath) {
        this.contextPath = Objects.requireNonNull(contextPath, "contextPath == null");
    }

    /** Serves {@code getResource*} from {@code folder} (e.g. {@code src/main/webapp}); returns this. */
    public FakeServletContext withResourceBase(Path folder) {
        this.resourceBase = folder.toAbsolutePath().normalize();
        return this;
    }

    /** The file for a resource path, or null when there is no base, it leaves the base, or does not exist. */
    private Path file(String path) {
        if (resourceBase == null || path == null || !path.startsWith("/")) {
            return null;
        }
        Path p = resourceBase.resolve(path.substring(1)).normalize();
        return p.startsWith(resourceBase) && Files.exists(p) ? p : null;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public ServletContext getContext(String uripath) {
        return uripath != null && uripath.startsWith(contextPath) ? this : null;
    }

    @Override
    public int getMajorVersion() {
        return 6;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public int getEffectiveMajorVersion() {
        return 6;
    }

    @Override
    public int getEffectiveMinorVersion() {
        return 0;
    }

    /** The type for the file's extension (common web types only), or null. */
    @Override
    public String getMimeType(String file) {
        int dot = file == null ? -1 : file.lastIndexOf('.');
        return dot < 0 ? null : MIME_TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public Set<String> getResourcePaths(String path) {
        Path dir = file(path);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        Set<String> out = new TreeSet<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(c -> out.add(prefix + c.getFileName() + (Files.isDirectory(c) ? "/" : "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public URL getResource(String path) throws MalformedURLException {
        Path p = file(path);
        return p == null ? null : p.toUri().toURL();
    }

    @Override
    public InputStream getResourceAsStream(String path) {
        Path p = file(path);
        if (p == null || !Files.isRegularFile(p)) {
            return null;
        }
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String getRealPath(String path) {
        if (resourceBase == null || path == null) {
            return null;
        }
        Path p = resourceBase.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        return p.startsWith(resourceBase) ? p.toString() : null;
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        return null;
    }

    @Override
    public RequestDispatcher getNamedDispatcher(String name) {
        return null;
    }

    @Override
    public void log(String msg) {
        LOG.info(msg);
    }

    @Override
    public void log(String message, Throwable throwable) {
        LOG.log(Level.SEVERE, message, throwable);
    }

    @Override
    public String getServerInfo() {
        return "flaskj-fake-servlet-context/6.0";
    }

    @Override
    public String getInitParameter(String name) {
        return initParameters.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(initParameters.keySet());
    }

    @Override
    public boolean setInitParameter(String name, String value) {
        return initParameters.putIfAbsent(Objects.requireNonNull(name, "name == null"), value) == null;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(Set.copyOf(attributes.keySet()));
    }

    @Override
    public void setAttribute(String name, Object object) {
        if (object == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, object);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public String getServletContextName() {
        return contextPath.isEmpty() ? "ROOT" : contextPath.substring(1);
    }

    @Override
    public ClassLoader getClassLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : FakeServletContext.class.getClassLoader();
    }

    @Override
    public String getVirtualServerName() {
        return "localhost";
    }

    @Override
    public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
        return EnumSet.of(SessionTrackingMode.COOKIE);
    }

    @Override
    public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
        return EnumSet.of(SessionTrackingMode.COOKIE);
    }

    @Override
    public int getSessionTimeout() {
        return 30;
    }

    @Override
    public String getRequestCharacterEncoding() {
        return null;
    }

    @Override
    public void setRequestCharacterEncoding(String encoding) {
        throw Unsupported.feature("changing the context's request encoding");
    }

    @Override
    public String getResponseCharacterEncoding() {
        return null;
    }

    @Override
    public void setResponseCharacterEncoding(String encoding) {
        throw Unsupported.feature("changing the context's response encoding");
    }

    // ------------------------------------------------------------------ programmatic registration: not modelled

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, String className) {
        throw Unsupported.feature("registering servlets");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Servlet servlet) {
        throw Unsupported.feature("registering servlets");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Class<? extends Servlet> servletClass) {
        throw Unsupported.feature("registering servlets");
    }

    @Override
    public ServletRegistration.Dynamic addJspFile(String servletName, String jspFile) {
        throw Unsupported.feature("JSP");
    }

    @Override
    public <T extends Servlet> T createServlet(Class<T> clazz) {
        throw Unsupported.feature("registering servlets");
    }

    @Override
    public ServletRegistration getServletRegistration(String servletName) {
        return null;
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        return Map.of();
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, String className) {
        throw Unsupported.feature("registering filters");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Filter filter) {
        throw Unsupported.feature("registering filters");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Class<? extends Filter> filterClass) {
        throw Unsupported.feature("registering filters");
    }

    @Override
    public <T extends Filter> T createFilter(Class<T> clazz) {
        throw Unsupported.feature("registering filters");
    }

    @Override
    public FilterRegistration getFilterRegistration(String filterName) {
        return null;
    }

    @Override
    public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
        return Map.of();
    }

    @Override
    public SessionCookieConfig getSessionCookieConfig() {
        throw Unsupported.feature("container sessions (SessionCookieConfig)");
    }

    @Override
    public void setSessionTrackingModes(Set<SessionTrackingMode> sessionTrackingModes) {
        throw Unsupported.feature("container sessions (tracking modes)");
    }

    @Override
    public void addListener(String className) {
        throw Unsupported.feature("registering listeners");
    }

    @Override
    public <T extends EventListener> void addListener(T t) {
        throw Unsupported.feature("registering listeners");
    }

    @Override
    public void addListener(Class<? extends EventListener> listenerClass) {
        throw Unsupported.feature("registering listeners");
    }

    @Override
    public <T extends EventListener> T createListener(Class<T> clazz) {
        throw Unsupported.feature("registering listeners");
    }

    @Override
    public JspConfigDescriptor getJspConfigDescriptor() {
        return null;
    }

    @Override
    public void declareRoles(String... roleNames) {
        throw Unsupported.feature("security roles");
    }

    @Override
    public void setSessionTimeout(int sessionTimeout) {
        throw Unsupported.feature("container sessions (timeout)");
    }

    @Override
    public String toString() {
        return "<FakeServletContext '" + contextPath + "'" + (resourceBase == null ? "" : " " + resourceBase) + ">";
    }
}
