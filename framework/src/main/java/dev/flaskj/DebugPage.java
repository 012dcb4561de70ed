package dev.flaskj;

import dev.flaskj.internal.HtmlEscaping;

import dev.flaskj.exceptions.InternalServerError;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

/**
 * The debug-mode page for an unhandled exception (Flask with Werkzeug's debugger, read-only): the exception
 * chain, each stack trace with the app's frames open and their source lines where the source can be found
 * ({@link SourceLocator}), frames of the JDK, the container, flaskj and its libraries folded away (by package), then the request ({@link DebugRequestSection}).
 * It never offers a console, has no script and evaluates nothing: Werkzeug's debugger executes code typed into
 * the page; this one does not, by design. Shown only with {@code DEBUG} on and {@code TESTING} off.
 */
final class DebugPage {
    /** Packages of the JDK, the container, flaskj and its dependencies: always folded. */
    private static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "jakarta.", "dev.flaskj.", "org.apache.", "org.eclipse.", "org.thymeleaf.", "org.attoparser.",
            "org.unbescape.", "org.slf4j.", "org.junit.", "org.codehaus.");
    private static final int CONTEXT_LINES = 3;
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;background:#fff;color:#000}"
            + ".debugger{margin:1em 2em}h1{font-size:1.6em;color:#8b1e1e;margin-bottom:.2em}"
            + ".errormsg{font-family:monospace;font-size:1.1em;background:#fbeaea;padding:.6em;"
            + "border-left:4px solid #b33}.notice{background:#fff8dc;padding:.5em;border:1px solid #e6d89c}"
            + "h2{font-size:1.2em;margin-top:1.5em}h3{font-size:1em}.frame{margin:.6em 0}"
            + ".frame code{font-weight:bold}pre.source{background:#f4f4f4;margin:.3em 0;padding:.4em;"
            + "overflow-x:auto}pre.source .current{background:#ffd9d9;display:block;font-weight:bold}"
            + "details.library{color:#555;margin:.4em 0}details.library ul{font-family:monospace;margin:.3em 0}"
            + "table.request{border-collapse:collapse;font-family:monospace}table.request th{text-align:left;"
            + "padding:.1em 1em .1em 0;vertical-align:top}table.request td{word-break:break-all}"
            + ".footer{color:#777;margin-top:2em;font-size:.9em}";

    private final String appName;
    /** The app's own top-level class: its frames are the app's even when it lives in a library package. */
    private final String appClass;
    private final SourceLocator sources;
    private final StringBuilder html = new StringBuilder(16384);
    private boolean missingSource;

    private DebugPage(Flask app) {
        this(app.name(), topLevel(app.getClass().getName()), new SourceLocator(app));
    }

    private DebugPage(String appName, String appClass, SourceLocator sources) {
        this.appName = appName;
        this.appClass = appClass;
        this.sources = sources;
    }

    /** Logs the exception as production does, and returns the page as a 500 response. */
    static Response response(Flask app, Request request, Throwable e) {
        app.logger().log(Level.SEVERE, "Exception on " + request.path() + " [" + request.method() + "]", e);
        Response r = new Response(new DebugPage(app).render(request, e), new InternalServerError().code());
        r.headers().set("Cache-Control", "no-store");
        return r;
    }

    /**
     * The page for an app that did not start in debug mode ({@link FlaskFilter#init}): the error that stopped it,
     * whose message says what was tried and why it failed, with its frames; as a 500 answer to every request.
     */
    static String startupError(String appName, Throwable e, jakarta.servlet.ServletContext sc, ClassLoader loader) {
        DebugPage page = new DebugPage(appName, null, new SourceLocator(null, sc, loader));
        return page.render(null, e);
    }

    private String render(Request request, Throwable e) {
        String summary = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        html.append("<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>")
                .append(escape(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())))
                .append(" // flaskj debug page</title>\n<link rel=icon href=\"data:,\">\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<div class=debugger>\n<h1>").append(escape(e.getClass().getName()))
                .append("</h1>\n<div class=detail><p class=errormsg>").append(escape(summary)).append("</p></div>\n")
                .append(request == null ? "<p class=notice>The application did not start; every request shows"
                        + " this page until it does. " : "<p class=notice>")
                .append("Debug mode is on for <b>").append(escape(appName)).append("</b>. This page"
                        + " shows source code and request data: never turn debug mode on in production.</p>\n")
                .append("<h2 class=traceback>Traceback <em>(most recent call first)</em></h2>\n");
        appendChain(e);
        if (missingSource) {
            html.append("<p class=note>Some source lines are not shown: put the sources in the WAR under <code>")
                    .append(SourceLocator.WAR_FOLDER).append("</code> or name their folder in config"
                            + " <code>SOURCE_PATH</code>.</p>\n");
        }
        if (request != null) {
            DebugRequestSection.append(html, request);
        }
        html.append("<p class=footer>flaskj debug page. It is read-only: it has no console and evaluates"
                + " nothing.</p>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private void appendChain(Throwable top) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Throwable t = top; t != null && seen.add(t); t = t.getCause()) {
            html.append("<div class=exception>\n");
            if (t != top) {
                html.append("<h3>Caused by: ").append(escape(t.toString())).append("</h3>\n");
            }
            StackTraceElement[] trace = t.getStackTrace();
            appendFrames(trace, trace.length - framesInCommon(trace, enclosing));
            html.append("</div>\n");
            enclosing = trace;
        }
    }

    /** As {@code Throwable.printStackTrace}: frames a cause shares with the exception it caused end in "... n more". */
    private static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return trace.length - 1 - m;
    }

    private void appendFrames(StackTraceElement[] trace, int shown) {
        int i = 0;
        while (i < shown) {
            if (!isLibrary(trace[i])) {
                appendAppFrame(trace[i], sources.lines(trace[i]));
                i++;
                continue;
            }
            int start = i;
            while (i < shown && isLibrary(trace[i])) {
                i++;
            }
            appendLibraryFrames(trace, start, i);
        }
        if (shown < trace.length) {
            html.append("<p class=more>... ").append(trace.length - shown).append(" more</p>\n");
        }
    }

    private void appendAppFrame(StackTraceElement frame, Optional<List<String>> source) {
        html.append("<div class=\"frame app\"><code>at ").append(escape(frame.toString())).append("</code>\n");
        int line = frame.getLineNumber();
        if (source.isPresent() && line > 0 && line <= source.get().size()) {
            List<String> lines = source.get();
            html.append("<pre class=source>");
            for (int n = Math.max(1, line - CONTEXT_LINES); n <= Math.min(lines.size(), line + CONTEXT_LINES); n++) {
                String text = String.format("%5d  %s", n, lines.get(n - 1));
                if (n == line) {
                    html.append("<span class=current>").append(escape(text)).append("</span>");
                } else {
                    html.append(escape(text)).append('\n');
                }
            }
            html.append("</pre>");
        } else {
            missingSource = true;
        }
        html.append("</div>\n");
    }

    private void appendLibraryFrames(StackTraceElement[] trace, int from, int to) {
        int count = to - from;
        html.append("<details class=library><summary>").append(count).append(count == 1 ? " frame" : " frames")
                .append(" in the framework, the container or the JDK</summary><ul>\n");
        for (int i = from; i < to; i++) {
            html.append("<li>at ").append(escape(trace[i].toString())).append("</li>\n");
        }
        html.append("</ul></details>\n");
    }

    /**
     * By package, never by where the class was loaded from: in a multi-module build the framework's classes sit in
     * a folder beside their sources just as the app's do, and must still fold. The app's own class (and the classes
     * nested in it) is the app's even inside a library package.
     */
    private boolean isLibrary(StackTraceElement frame) {
        String name = frame.getClassName();
        if (appClass != null && topLevel(name).equals(appClass)) {
            return false;
        }
        for (String prefix : LIBRARY_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    static String escape(String s) {
        return HtmlEscaping.escape(s);
    }
}
