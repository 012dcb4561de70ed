package dev.flaskj;

import dev.flaskj.exceptions.BadRequestKeyError;
import dev.flaskj.exceptions.HttpException;
import dev.flaskj.exceptions.InternalServerError;
import dev.flaskj.exceptions.NotFound;
import dev.flaskj.exceptions.RequestRedirect;
import dev.flaskj.internal.Throwables;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

/**
 * Flask's request pipeline, one short method per step, read top to bottom (Flask: {@code wsgi_app},
 * {@code full_dispatch_request}, {@code finalize_request}, {@code handle_user_exception}, {@code handle_exception}):
 * push context (which matches the URL and knows the request's scopes) → before hooks → view → error handlers →
 * make response → after hooks → save session → write → pop context.
 *
 * <p>Order and exception rules are Flask's: before-request functions run app first, then blueprints outer to
 * inner, and the first non-null result is the response; after-request functions run innermost blueprint first,
 * each scope's in reverse registration order; error handlers are looked up by HTTP code, then by exception class,
 * innermost scope first; an exception no handler answers is logged and becomes a 500, whose handler may answer it.
 */
final class Dispatcher {
    private final Flask app;
    private final AtomicBoolean strayContextsReported = new AtomicBoolean();

    Dispatcher(Flask app) {
        this.app = app;
    }

    void handle(HttpServletRequest req, HttpServletResponse res, FilterChain passThrough)
            throws IOException, ServletException {
        // A pooled thread may still carry contexts that code outside this request pushed and never popped: the
        // request must not read their g() or request, so it starts from empty stacks and puts them back after.
        Object[] outer = ContextStack.setAside();
        if (outer != null) {
            reportStrayContexts("A request to " + req.getRequestURI() + " started on a thread that still had "
                    + describe(outer) + " pushed; it runs without them");
        }
        RequestContext ctx = null;
        Throwable error = null;
        try {
            ctx = new RequestContext(app, req, res);
            // Inside the try: URL matching runs in push, and what it throws must not leave the contexts behind.
            ctx.push();
            if (passThrough != null && ctx.request().routingException() instanceof NotFound) {
                // The app does not own this URL: let the rest of the web application answer, with the
                // untouched servlet request (Spark's bug was to pass a wrapper that changed the URI).
                passThrough.doFilter(req, res);
                return;
            }
            Response response;
            try {
                response = fullDispatch(ctx);
            } catch (Throwable e) {
                error = e;
                response = handleException(ctx, e);
            }
            try {
                write(ctx.request(), response, res);
            } finally {
                response.runCloseCallbacks(); // Werkzeug's Response.close: after the body, also when writing failed
            }
        } finally {
            endRequest(ctx, error, outer);
        }
    }

    /**
     * Pops the request's contexts, first dropping any the request pushed and left open (an {@code appContext()}
     * never closed), and gives the thread back the stacks it had before the request.
     */
    private void endRequest(RequestContext ctx, Throwable error, Object[] outer) {
        try {
            if (ctx != null && ctx.isPushed()) {
                Object[] stray = ContextStack.unwindTo(ctx, ctx.implicitAppContext());
                if (stray != null) {
                    reportStrayContexts("The request to " + ctx.request().path() + " left " + describe(stray)
                            + " pushed (opened and never closed); it was removed so that no later request on"
                            + " this thread inherits it");
                }
                ctx.pop(error);
            }
        } finally {
            if (ContextStack.restore(outer)) {
                reportStrayContexts("A teardown function of the request to " + req(ctx)
                        + " left a context pushed; it was removed");
            }
        }
    }

    private static String req(RequestContext ctx) {
        return ctx == null ? "?" : ctx.request().path();
    }

    private static String describe(Object[] tops) {
        StringBuilder s = new StringBuilder();
        for (Object top : tops) {
            if (top != null) {
                s.append(s.length() == 0 ? "" : " and ").append(top);
            }
        }
        return s.toString();
    }

    /** The first report of each app is a warning; repeats go to FINE, so a leaking view cannot flood the log. */
    private void reportStrayContexts(String message) {
        Level level = strayContextsReported.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
        app.logger().log(level, message + ". Close every appContext() and requestContext() you open, e.g. with"
                + " try-with-resources.");
    }

    /** Before hooks, view, user-exception handling, then finalisation. */
    private Response fullDispatch(RequestContext ctx) throws Exception {
        Object rv;
        try {
            rv = preprocess(ctx);
            if (rv == null) {
                rv = dispatch(ctx.request());
            }
        } catch (Exception e) {
            rv = handleUserException(ctx, e);
        }
        return finalizeRequest(ctx, rv, false);
    }

    /**
     * Runs the URL value preprocessors, then the before-request functions, each app first then blueprints outer to
     * inner; the first non-null result of a before-request function wins (Flask: {@code preprocess_request}).
     */
    private Object preprocess(RequestContext ctx) throws Exception {
        List<ScopeHooks> scopes = ctx.scopes();
        preprocessUrlValues(ctx.request(), scopes);
        for (int s = scopes.size() - 1; s >= 0; s--) {
            for (BeforeRequestFunction f : scopes.get(s).before) {
                Object rv = f.run();
                if (rv != null) {
                    return rv;
                }
            }
        }
        return null;
    }

    /**
     * Gives every URL value preprocessor the view arguments as one mutable map, then makes what is left the
     * request's view arguments. When routing failed, Flask passes no map at all; here the functions get an empty
     * map that is thrown away, so that the usual {@code values.remove(...)} cannot turn every 404 into a 500.
     */
    private static void preprocessUrlValues(Request request, List<ScopeHooks> scopes) throws Exception {
        Map<String, Object> values = null;
        for (int s = scopes.size() - 1; s >= 0; s--) {
            for (UrlValuePreprocessorFunction f : scopes.get(s).urlValuePreprocessors) {
                if (values == null) {
                    values = new LinkedHashMap<>(request.viewArgs().asMap());
                }
                f.process(request.endpoint(), values);
            }
        }
        if (values != null && request.urlRule() != null) {
            request.setViewArgs(values);
        }
    }

    /** Raises the routing error, answers automatic OPTIONS, or calls the view. */
    private Object dispatch(Request request) throws Exception {
        RuntimeException routingError = request.routingException();
        if (routingError != null) {
            throw routingError;
        }
        if (request.method().equals("OPTIONS") && request.urlRule().providesAutomaticOptions()) {
            return defaultOptionsResponse(request);
        }
        return app.viewFunction(request.endpoint()).handle(request.viewArgs());
    }

    private Response defaultOptionsResponse(Request request) {
        Response r = new Response();
        r.headers().set("Allow", String.join(", ", app.urlMap().allowedMethods(request.path())));
        return r;
    }

    /** Flask's handle_user_exception: HTTP errors and other exceptions that an error handler may answer. */
    private Object handleUserException(RequestContext ctx, Exception e) throws Exception {
        if (e instanceof HttpException he) {
            return handleHttpException(ctx, he);
        }
        ErrorHandlerFunction<Throwable> handler = ErrorHandlers.find(ctx.scopes(), e);
        if (handler == null) {
            throw e;
        }
        return handler.handle(e);
    }

    private Object handleHttpException(RequestContext ctx, HttpException e) throws Exception {
        if (e instanceof RequestRedirect || e instanceof AbortedResponse) {
            return e; // never passed to error handlers, as in Flask
        }
        HttpException error = e;
        if (e instanceof BadRequestKeyError keyError) {
            Boolean trap = app.config().getFlag("TRAP_BAD_REQUEST_ERRORS");
            if (Boolean.TRUE.equals(trap)) {
                throw e;
            }
            if (app.debug()) {
                // Flask's debug mode names the missing key in the page.
                error = keyError.withKeyInDescription();
            }
        } else if (app.config().getBoolean("TRAP_HTTP_EXCEPTIONS", false)) {
            throw e;
        }
        ErrorHandlerFunction<Throwable> handler = ErrorHandlers.find(ctx.scopes(), error);
        return handler == null ? error : handler.handle(error);
    }

    /**
     * Flask's handle_exception: propagate (testing, debug) or log and answer 500. The debug page goes only to the
     * clients {@link DebugAccess} allows; the others get the production 500.
     */
    private Response handleException(RequestContext ctx, Throwable e) throws IOException, ServletException {
        Boolean propagate = app.config().getFlag("PROPAGATE_EXCEPTIONS");
        if (propagate == null ? app.testing() || app.debug() : propagate) {
            if (!app.debug() || app.testing()) {
                throw Throwables.sneaky(e);
            }
            if (DebugAccess.allowed(app, ctx.request())) {
                return DebugPage.response(app, ctx.request(), e);
            }
            // debug mode, but the client is not on this machine: the production page below, never the sources
        }
        Request request = ctx.request();
        app.logger().log(Level.SEVERE, "Exception on " + request.path() + " [" + request.method() + "]", e);
        InternalServerError serverError = e instanceof InternalServerError ise ? ise
                : new InternalServerError(null, e);
        Object rv = serverError;
        ErrorHandlerFunction<Throwable> handler = ErrorHandlers.find(ctx.scopes(), serverError);
        if (handler != null) {
            try {
                rv = handler.handle(serverError);
            } catch (Exception handlerError) {
                app.logger().log(Level.SEVERE, "Exception in the 500 error handler", handlerError);
                rv = serverError;
            }
        }
        try {
            return finalizeRequest(ctx, rv, true);
        } catch (Exception impossible) {
            // finalizeRequest swallows hook errors when called from the error path
            throw Throwables.sneaky(impossible);
        }
    }

    /** Makes the response, runs after-this-request and after-request functions, saves the session. */
    private Response finalizeRequest(RequestContext ctx, Object rv, boolean fromErrorHandler) throws Exception {
        Response response = app.toResponse(rv);
        try {
            return processResponse(ctx, response);
        } catch (Exception e) {
            if (!fromErrorHandler) {
                throw e;
            }
            app.logger().log(Level.SEVERE, "Request finalization failed with an error while handling an error", e);
            return response;
        }
    }

    private Response processResponse(RequestContext ctx, Response response) throws Exception {
        Response r = response;
        for (AfterRequestFunction f : ctx.afterThisRequest()) {
            r = requireResponse(f.apply(r));
        }
        for (ScopeHooks scope : ctx.scopes()) {
            for (int i = scope.after.size() - 1; i >= 0; i--) {
                r = requireResponse(scope.after.get(i).apply(r));
            }
        }
        ctx.saveSession(r);
        return r;
    }

    private static Response requireResponse(Response r) {
        if (r == null) {
            throw new IllegalStateException("An after-request function returned null; it must return a Response.");
        }
        return r;
    }

    /** Writes status, headers and body; HEAD and 204/304 get no body, HEAD keeps the GET's Content-Length. */
    static void write(Request request, Response response, HttpServletResponse res) throws IOException {
        int status = response.status();
        res.setStatus(status);
        for (Map.Entry<String, String> h : response.headers()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            res.addHeader(name, name.equalsIgnoreCase("Location") ? Locations.toUri(h.getValue()) : h.getValue());
        }
        boolean noBody = status == 204 || status == 304 || (status >= 100 && status < 200);
        long length = response.contentLength();
        if (length >= 0 && !noBody) {
            res.setContentLengthLong(length);
        }
        if (noBody || request.method().equals("HEAD")) {
            return;
        }
        // No flush for a body of known length: the container sends it together with the headers when the
        // request ends, in one write, as it does for a servlet. Streamed chunks flush themselves.
        response.writeBody(res.getOutputStream());
    }
}
