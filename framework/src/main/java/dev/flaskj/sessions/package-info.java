/**
 * Sessions: the {@link dev.flaskj.sessions.Session} map, the {@link dev.flaskj.sessions.SessionInterface} that loads
 * and saves it, the Flask-compatible signed cookie (default) and the container's {@code HttpSession}
 * (Flask: {@code flask.sessions}).
 *
 * <p>Everything is non-null unless documented.
 */
package dev.flaskj.sessions;
