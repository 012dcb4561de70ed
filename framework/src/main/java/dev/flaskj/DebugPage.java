package dev.flaskj;

import dev.flaskj.exceptions.InternalServerError;

/**
 * The debug-mode page for an unhandled exception: the exception chain and stack frames, as read-only text.
 * It never offers a console and never evaluates anything (Werkzeug's debugger executes code; this page does not,
 * by design).
 */
final class DebugPage {
    private DebugPage() {}

    static Response response(Flask app, Request request, Throwable e) {
        app.logger().log(java.util.logging.Level.SEVERE,
                "Exception on " + request.path() + " [" + request.method() + "]", e);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=en>\n<title>").append(esc(title(e)))
                .append(" // flaskj debug</title>\n<h1>").append(esc(e.getClass().getName())).append("</h1>\n<p>")
                .append(esc(String.valueOf(e.getMessage()))).append("</p>\n<pre>");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t != e) {
                html.append("\nCaused by: ");
            }
            html.append(esc(t.toString())).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                html.append("    at ").append(esc(frame.toString())).append('\n');
            }
        }
        html.append("</pre>\n<p>Endpoint: ").append(esc(String.valueOf(request.endpoint()))).append("</p>\n");
        Response r = new Response(html.toString(), new InternalServerError().code());
        return r;
    }

    private static String title(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }
}
