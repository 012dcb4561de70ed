package dev.flaskj;

/**
 * A request's contexts, kept after the request to be pushed again (Flask: the test client's preserved contexts):
 * the request context and, when the request pushed its own, the app context.
 */
final class KeptContext implements AutoCloseable {
    private RequestContext request;
    private AppContext app;
    private boolean pushed;

    /** Records the request's contexts; called just before they are popped. */
    void capture(RequestContext ctx) {
        request = ctx;
        app = ctx.implicitAppContext();
    }

    /** Pushes the recorded contexts again, app context first; returns this, to be closed to pop them. */
    KeptContext pushAgain() {
        if (request == null) {
            return this;
        }
        if (app != null) {
            app.push();
        }
        try {
            request.push();
        } catch (RuntimeException | Error e) {
            if (app != null) {
                app.pop(e);
            }
            throw e;
        }
        pushed = true;
        return this;
    }

    /** Pops the request context, then the app context, each running its teardown functions again. */
    @Override
    public void close() {
        if (!pushed) {
            return;
        }
        pushed = false;
        try {
            request.pop(null);
        } finally {
            if (app != null) {
                app.pop(null);
            }
        }
    }
}
