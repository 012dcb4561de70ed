/**
 * Werkzeug's HTTP data structures over the servlet API: {@link dev.flaskj.http.MultiDict},
 * {@link dev.flaskj.http.Headers}, query-string and form parsing ({@link dev.flaskj.http.UrlEncoded},
 * {@link dev.flaskj.http.FormParser}), uploads ({@link dev.flaskj.http.FileStorage}) and cookies
 * ({@link dev.flaskj.http.Cookies}, {@link dev.flaskj.http.SetCookie}).
 *
 * <p>Lower layer: uses the JDK, the servlet API, (hidden inside {@code FormParser}) commons-fileupload2,
 * {@code dev.flaskj.exceptions} and {@code dev.flaskj.internal}; it never imports the Flask layer. Everything is non-null unless documented.
 */
package dev.flaskj.http;
