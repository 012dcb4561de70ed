package dev.flaskj.middleware;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;

/** A request whose address, scheme, host, port and script root come from trusted forwarding headers. */
final class ForwardedRequest extends HttpServletRequestWrapper {
    record Values(String remoteAddr, String scheme, String host, String port, String prefix) {
        boolean isEmpty() {
            return remoteAddr == null && scheme == null && host == null && port == null && prefix == null;
        }
    }

    private final String remoteAddr;
    private final String scheme;
    private final String hostHeader;
    private final String serverName;
    private final int serverPort;
    private final String contextPath;
    private final String requestUri;

    ForwardedRequest(HttpServletRequest request, Values v) {
        super(request);
        remoteAddr = v.remoteAddr() != null ? v.remoteAddr() : request.getRemoteAddr();
        scheme = v.scheme() != null ? v.scheme() : request.getScheme();
        String host = v.host() != null ? v.host() : request.getHeader("Host");
        String name = request.getServerName();
        int port = request.getServerPort();
        if (v.host() != null) {
            name = v.host();
            if (v.host().contains(":") && !v.host().endsWith("]")) {
                int colon = v.host().lastIndexOf(':');
                name = v.host().substring(0, colon);
                port = parsePort(v.host().substring(colon + 1), port);
            }
        }
        if (v.port() != null) {
            if (host != null) {
                String bare = host.contains(":") && !host.endsWith("]") ? host.substring(0, host.lastIndexOf(':'))
                        : host;
                host = bare + ":" + v.port();
            }
            port = parsePort(v.port(), port);
        }
        hostHeader = host;
        serverName = name;
        serverPort = port;
        if (v.prefix() != null) {
            // X-Forwarded-Prefix replaces SCRIPT_NAME; keep the URI consistent with the new context path.
            String prefix = v.prefix().endsWith("/") ? v.prefix().substring(0, v.prefix().length() - 1) : v.prefix();
            String uri = request.getRequestURI();
            String ctx = request.getContextPath();
            contextPath = prefix;
            requestUri = prefix + (uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri);
        } else {
            contextPath = request.getContextPath();
            requestUri = request.getRequestURI();
        }
    }

    private static int parsePort(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public boolean isSecure() {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    }

    @Override
    public String getServerName() {
        return serverName;
    }

    @Override
    public int getServerPort() {
        return serverPort;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(scheme).append("://");
        url.append(hostHeader != null ? hostHeader : serverName + ":" + serverPort);
        return url.append(requestUri);
    }

    @Override
    public String getHeader(String name) {
        return "Host".equalsIgnoreCase(name) && hostHeader != null ? hostHeader : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if ("Host".equalsIgnoreCase(name) && hostHeader != null) {
            return Collections.enumeration(java.util.List.of(hostHeader));
        }
        return super.getHeaders(name);
    }
}
