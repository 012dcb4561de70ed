package dev.flaskj.exceptions;

import dev.flaskj.internal.HtmlEscaping;

/**
 * 308 made by routing: a missing trailing slash, merged slashes, or a canonical URL for default values
 * (Werkzeug: {@code RequestRedirect}). It is never passed to error handlers, as in Flask.
 */
public class RequestRedirect extends HttpException {
    private static final long serialVersionUID = 1L;

    private final String newUrl;

    /** A permanent redirect to {@code newUrl}, which should be absolute. */
    public RequestRedirect(String newUrl) {
        super(308, "Permanent Redirect", "", false);
        this.newUrl = newUrl;
        withHeader("Location", newUrl);
    }

    /** Where the client is sent. */
    public String newUrl() {
        return newUrl;
    }

    /** Werkzeug's redirect page, the same body {@code redirect()} sends. */
    @Override
    public String body() {
        return redirectBody(newUrl);
    }

    /**
     * The HTML body Werkzeug sends with every redirect: the location HTML-escaped,
     * no closing {@code </p>}.
     */
    public static String redirectBody(String location) {
        String url = HtmlEscaping.escape(location);
        return "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"" + url + "\">" + url
                + "</a>. If not, click the link.\n";
    }
}
