/**
 * HTTP errors as exceptions, each rendering Werkzeug's default error page (Werkzeug: {@code werkzeug.exceptions}).
 *
 * <p>Lower layer: uses only the JDK. Everything is non-null unless documented.
 */
package dev.flaskj.exceptions;
