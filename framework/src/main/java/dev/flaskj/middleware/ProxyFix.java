package dev.flaskj.middleware;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Trusts {@code X-Forwarded-For/Proto/Host/Port/Prefix} from a known number of reverse proxies, so that
 * {@code urlFor(..., "_external", true)}, redirects and {@code request().remoteAddr()} describe what the client saw
 * (Werkzeug: {@code werkzeug.middleware.proxy_fix.ProxyFix}).
 *
 * <p>A plain servlet filter: map it before {@link dev.flaskj.FlaskFilter}.
 * <pre>{@code
 * <filter>
 *   <filter-name>proxy-fix</filter-name>
 *   <filter-class>dev.flaskj.middleware.ProxyFix</filter-class>
 *   <init-param><param-name>x_host</param-name><param-value>1</param-value></init-param>
 *   <init-param><param-name>x_prefix</param-name><param-value>1</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>proxy-fix</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 * Each init-param ({@code x_for}, {@code x_proto}, {@code x_host}, {@code x_port}, {@code x_prefix}; defaults
 * 1, 1, 0, 0, 0 as in Werkzeug) is the number of proxies trusted to set that header: the value is taken that many
 * entries from the right of the comma-separated header, and a header with fewer entries is ignored. A header sent
 * as several lines counts as one list, the lines joined in order, so a proxy that appends a line is handled like
 * one that extends the existing line. Only install it
 * behind proxies that set these headers, or clients can forge their address and your URLs.
 * {@code X-Forwarded-Prefix} replaces the context path in generated URLs, as it replaces {@code SCRIPT_NAME}.
 */
public class ProxyFix implements Filter {
    private int xFor = 1;
    private int xProto = 1;
    private int xHost;
    private int xPort;
    private int xPrefix;

    /** With Werkzeug's defaults, or the filter's init-params. */
    public ProxyFix() {}

    /** With explicit trust counts, for programmatic registration. */
    public ProxyFix(int xFor, int xProto, int xHost, int xPort, int xPrefix) {
        this.xFor = xFor;
        this.xProto = xProto;
        this.xHost = xHost;
        this.xPort = xPort;
        this.xPrefix = xPrefix;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        xFor = count(config, "x_for", xFor);
        xProto = count(config, "x_proto", xProto);
        xHost = count(config, "x_host", xHost);
        xPort = count(config, "x_port", xPort);
        xPrefix = count(config, "x_prefix", xPrefix);
    }

    private static int count(FilterConfig config, String name, int dflt) throws ServletException {
        String v = config.getInitParameter(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ServletException("ProxyFix init-param " + name + "='" + v + "' must be a whole number >= 0");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            chain.doFilter(forwarded(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The request as the client saw it, or {@code request} itself when no trusted header is present. */
    HttpServletRequest forwarded(HttpServletRequest request) {
        ForwardedRequest.Values v = new ForwardedRequest.Values(
                trusted(xFor, joined(request, "X-Forwarded-For")),
                trusted(xProto, joined(request, "X-Forwarded-Proto")),
                trusted(xHost, joined(request, "X-Forwarded-Host")),
                trusted(xPort, joined(request, "X-Forwarded-Port")),
                trusted(xPrefix, joined(request, "X-Forwarded-Prefix")));
        return v.isEmpty() ? request : new ForwardedRequest(request, v);
    }

    /**
     * Every line of a header joined with {@code ","}, as a WSGI server presents a repeated header; null when absent.
     * A proxy that appends its own line (rather than extending the client's) leaves a forged client line first, so
     * reading only the first line would let the client choose its address, scheme and host.
     */
    static String joined(HttpServletRequest request, String name) {
        java.util.Enumeration<String> lines = request.getHeaders(name);
        if (lines == null || !lines.hasMoreElements()) {
            return request.getHeader(name);
        }
        String first = lines.nextElement();
        if (!lines.hasMoreElements()) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        while (lines.hasMoreElements()) {
            all.append(',').append(lines.nextElement());
        }
        return all.toString();
    }

    /** Werkzeug's _get_real_value: the {@code trusted}-th value from the right, or null. */
    static String trusted(int trusted, String header) {
        if (trusted <= 0 || header == null) {
            return null;
        }
        String[] values = header.split(",", -1);
        if (values.length < trusted) {
            return null;
        }
        String v = values[values.length - trusted].trim();
        return v.isEmpty() ? null : v;
    }
}
