package dev.flaskj;

import dev.flaskj.exceptions.NotFound;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Serves the {@code static} endpoint ({@code /static/<path:filename>}) from the webapp's {@code static/} folder,
 * or from {@code static/} on the class path outside a container. A path that could leave the folder is a 404
 * before anything is looked up.
 */
final class StaticFiles {
    private final Flask app;

    StaticFiles(Flask app) {
        this.app = app;
    }

    Response serve(String filename) throws IOException {
        if (!isSafe(filename)) {
            throw new NotFound();
        }
        String resource = "static/" + filename;
        ServletContext sc = app.servletContext();
        InputStream in = sc != null ? sc.getResourceAsStream("/" + resource)
                : app.getClass().getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new NotFound();
        }
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        String mime = sc == null ? null : sc.getMimeType(filename);
        return new Response(bytes, 200, mime == null ? "application/octet-stream" : mime);
    }

    /** No empty, absolute, parent, backslash, NUL or container-special segment; checked on the decoded path. */
    static boolean isSafe(String filename) {
        if (filename == null || filename.isEmpty() || filename.startsWith("/") || filename.indexOf('\\') >= 0
                || filename.indexOf('\0') >= 0 || filename.indexOf(':') >= 0) {
            return false;
        }
        for (String segment : filename.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.equals("web-inf") || s.equals("meta-inf")) {
                return false;
            }
        }
        return true;
    }
}
