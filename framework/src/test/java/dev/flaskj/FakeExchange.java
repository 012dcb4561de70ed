package dev.flaskj;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request through {@code app.handleRequest} with Mockito servlet objects: a minimal stand-in until the test
 * client lands. Build with {@link #get}, add headers, {@link #run()}.
 */
final class FakeExchange {
    private final Flask app;
    private final String method;
    private final String uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String contextPath = "";
    private ServletContext servletContext;

    private FakeExchange(Flask app, String method, String uri) {
        this.app = app;
        this.method = method;
        this.uri = uri;
    }

    static FakeExchange get(Flask app, String uri) {
        return new FakeExchange(app, "GET", uri);
    }

    static FakeExchange request(Flask app, String method, String uri) {
        return new FakeExchange(app, method, uri);
    }

    FakeExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeExchange contextPath(String path) {
        this.contextPath = path;
        return this;
    }

    FakeExchange servletContext(ServletContext sc) {
        this.servletContext = sc;
        return this;
    }

    /** The response, as the client would see it. */
    record Result(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Result run() {
        String path = uri;
        String query = null;
        int q = uri.indexOf('?');
        if (q >= 0) {
            path = uri.substring(0, q);
            query = uri.substring(q + 1);
        }
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn(method);
        when(req.getRequestURI()).thenReturn(contextPath + path);
        when(req.getContextPath()).thenReturn(contextPath);
        when(req.getServletPath()).thenReturn(path);
        when(req.getQueryString()).thenReturn(query);
        when(req.getScheme()).thenReturn("http");
        when(req.getServerName()).thenReturn("localhost");
        when(req.getServerPort()).thenReturn(80);
        when(req.getLocale()).thenReturn(Locale.ENGLISH);
        when(req.getRemoteAddr()).thenReturn("127.0.0.1");
        when(req.getServletContext()).thenReturn(servletContext);
        // Thymeleaf's web context keeps template variables as request attributes.
        Map<String, Object> attributes = new LinkedHashMap<>();
        when(req.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.getArgument(0)));
        when(req.getAttributeNames()).thenAnswer(i -> Collections.enumeration(List.copyOf(attributes.keySet())));
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(req)
                .setAttribute(anyString(), org.mockito.ArgumentMatchers.any());
        doAnswer(i -> attributes.remove(i.getArgument(0))).when(req).removeAttribute(anyString());
        when(req.getHeaderNames()).thenAnswer(i -> Collections.enumeration(headers.keySet()));
        when(req.getHeader(anyString())).thenAnswer(i -> find(i.getArgument(0)));
        when(req.getHeaders(anyString())).thenAnswer(i -> {
            String v = find(i.getArgument(0));
            return Collections.enumeration(v == null ? List.of() : List.of(v));
        });

        Map<String, List<String>> out = new LinkedHashMap<>();
        int[] status = {200};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse res = mock(HttpServletResponse.class);
        doAnswer(i -> status[0] = i.getArgument(0)).when(res).setStatus(anyInt());
        doAnswer(i -> out.computeIfAbsent(((String) i.getArgument(0)).toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(i.getArgument(1))).when(res).addHeader(anyString(), anyString());
        doAnswer(i -> out.put("content-length", new ArrayList<>(List.of(String.valueOf((long) i.getArgument(0))))))
                .when(res).setContentLengthLong(anyLong());
        when(res.encodeURL(anyString())).thenAnswer(i -> i.getArgument(0));
        try {
            when(res.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {}
            });
            app.handleRequest(req, res, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
        return new Result(status[0], out, body.toByteArray());
    }

    private String find(String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

}
