package dev.flaskj;

import dev.flaskj.exceptions.HttpException;
import java.util.List;

/**
 * Finds the error handler for an exception in Flask's order: handlers for the HTTP code
 * (blueprint scopes inner to outer, then the app), then handlers for the exception's class and its superclasses
 * (same scope order, most specific class first).
 */
final class ErrorHandlers {
    private ErrorHandlers() {}

    static ErrorHandlerFunction<Throwable> find(Flask app, Request request, Throwable e) {
        List<ScopeHooks> scopes = app.scopesFor(request);
        if (e instanceof HttpException he) {
            for (ScopeHooks scope : scopes) {
                ErrorHandlerFunction<Throwable> h = scope.forCode(he.code());
                if (h != null) {
                    return h;
                }
            }
        }
        for (ScopeHooks scope : scopes) {
            for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
                ErrorHandlerFunction<Throwable> h = scope.forClass(c);
                if (h != null) {
                    return h;
                }
            }
        }
        return null;
    }
}
