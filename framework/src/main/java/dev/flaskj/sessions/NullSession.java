package dev.flaskj.sessions;

/**
 * The session used when the app has no {@code SECRET_KEY}: reads see an empty session, writes fail with Flask's
 * message, so an unsigned cookie is never sent silently (Flask: {@code NullSession}).
 */
public final class NullSession extends Session {
    static final String NO_SECRET_KEY = "The session is unavailable because no secret key was set.  Set the"
            + " SECRET_KEY on the application (config SECRET_KEY, e.g. from the environment variable"
            + " FLASK_SECRET_KEY) to something unique and secret.";

    @Override
    void change() {
        throw new IllegalStateException(NO_SECRET_KEY);
    }

    @Override
    public void setModified(boolean modified) {
        if (modified) {
            change();
        }
    }
}
