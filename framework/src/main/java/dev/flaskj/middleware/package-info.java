/**
 * Servlet filters to place in front of {@link dev.flaskj.FlaskFilter} (Werkzeug: {@code werkzeug.middleware}).
 *
 * <p>Everything is non-null unless documented.
 */
package dev.flaskj.middleware;
