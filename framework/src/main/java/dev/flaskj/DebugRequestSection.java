package dev.flaskj;

import java.util.Locale;

import java.util.List;

import dev.flaskj.http.FileStorage;
import dev.flaskj.http.MultiDict;
import java.util.Map;

/**
 * The request part of the debug page: method, URL, endpoint, view arguments, headers, query arguments, form fields,
 * files and cookie names. Values of anything named like a credential are hidden, cookie values always are: the page
 * may be shown on a screen share or pasted into an issue.
 */
final class DebugRequestSection {
    static final String HIDDEN = "[hidden]";
    /** Names whose values never appear: passwords, secrets, tokens, cookies, authorization, sessions, keys. */
    private static final List<String> SENSITIVE = List.of("pass", "pwd", "secret", "token", "cookie", "auth",
            "session", "csrf", "credential", "private", "signature");

    private DebugRequestSection() {}

    static boolean isSensitive(String name) {
        // Substring tests rather than a regular expression: names come from the request.
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SENSITIVE) {
            if (lower.contains(word)) {
                return true;
            }
        }
        for (int i = lower.indexOf("api"); i >= 0; i = lower.indexOf("api", i + 1)) {
            if (lower.startsWith("key", i + 3) || lower.startsWith("key", i + 4)) {
                return true; // api.?key: apikey, api_key, api-key
            }
        }
        return false;
    }

    static void append(StringBuilder html, Request request) {
        html.append("<h2>Request</h2>\n<table class=request>\n");
        row(html, "Method", request.method());
        String url;
        try {
            url = request.baseUrl();
        } catch (dev.flaskj.exceptions.BadRequest untrustedHost) {
            url = request.scriptRoot() + request.path(); // the Host header was refused: show no host at all
        }
        row(html, "URL", url);
        row(html, "Endpoint", request.endpoint() == null ? "(no URL rule matched)" : request.endpoint());
        if (request.endpoint() != null) {
            for (Map.Entry<String, Object> e : request.viewArgs().asMap().entrySet()) {
                row(html, "View argument " + e.getKey(), masked(e.getKey(), String.valueOf(e.getValue())));
            }
        }
        html.append("</table>\n");
        table(html, "Headers", request.headers());
        table(html, "Query arguments", request.args());
        appendBody(html, request);
        appendCookies(html, request);
    }

    private static void appendBody(StringBuilder html, Request request) {
        String mimetype = request.mimetype();
        if (!mimetype.equals("application/x-www-form-urlencoded") && !mimetype.equals("multipart/form-data")) {
            return;
        }
        try {
            table(html, "Form", request.form());
            MultiDict<FileStorage> files = request.files();
            if (!files.isEmpty()) {
                html.append("<h3>Files</h3>\n<table class=request>\n");
                for (Map.Entry<String, FileStorage> f : files) {
                    row(html, f.getKey(), String.valueOf(f.getValue().filename()));
                }
                html.append("</table>\n");
            }
        } catch (RuntimeException e) {
            // The body may be unreadable (too large, malformed, already consumed): say so, don't fail the page.
            html.append("<p class=note>The form could not be read: ").append(DebugPage.escape(e.toString()))
                    .append("</p>\n");
        }
    }

    private static void appendCookies(StringBuilder html, Request request) {
        MultiDict<String> cookies = request.cookies();
        if (cookies.isEmpty()) {
            return;
        }
        html.append("<h3>Cookies</h3>\n<table class=request>\n");
        for (Map.Entry<String, String> c : cookies) {
            row(html, c.getKey(), HIDDEN);
        }
        html.append("</table>\n");
    }

    private static void table(StringBuilder html, String title, Iterable<Map.Entry<String, String>> entries) {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, String> e : entries) {
            row(rows, e.getKey(), masked(e.getKey(), e.getValue()));
        }
        if (rows.length() > 0) {
            html.append("<h3>").append(title).append("</h3>\n<table class=request>\n").append(rows)
                    .append("</table>\n");
        }
    }

    private static String masked(String name, String value) {
        return isSensitive(name) ? HIDDEN : value;
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(DebugPage.escape(name)).append("</th><td>")
                .append(DebugPage.escape(value)).append("</td></tr>\n");
    }
}
