/**
 * HTTP errors as exceptions, each rendering Werkzeug's default error page (Werkzeug: {@code werkzeug.exceptions}).
 *
 * <p>Lower layer: uses the JDK and {@code dev.flaskj.internal} (HTML escaping of the error pages). Everything is non-null unless documented.
 */
package dev.flaskj.exceptions;
